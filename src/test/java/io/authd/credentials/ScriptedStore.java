package io.authd.credentials;

import io.authd.digest.DigestHasher;
import io.authd.digest.HashFunction;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A credential store the test scripts: it answers from its users at once, fails, or holds each answer (as it
 * was when asked) until the test releases it, so the order of reads and invalidations is chosen by hand.
 */
final class ScriptedStore implements CredentialStore {
    enum Mode { ANSWER, FAIL, HOLD }

    private record Held(Promise<Optional<UserCredentials>> promise, Optional<UserCredentials> answer) {
    }

    private final Map<String, UserCredentials> users = new ConcurrentHashMap<>();
    private final Queue<Held> held = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Mode mode = Mode.ANSWER;

    void put(UserCredentials user) {
        users.put(user.realm() + ":" + user.username(), user);
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    int calls() {
        return calls.get();
    }

    /** Completes every held read with the answer it would have had when it was asked. */
    void releaseHeld() {
        for (Held h = held.poll(); h != null; h = held.poll()) {
            h.promise().complete(h.answer());
        }
    }

    /** Fails every held read, as a database that went down while they ran. */
    void failHeld() {
        for (Held h = held.poll(); h != null; h = held.poll()) {
            h.promise().fail(new IllegalStateException("database down"));
        }
    }

    @Override
    public Future<Optional<UserCredentials>> findByUsername(String realm, String username) {
        return respond(Optional.ofNullable(users.get(realm + ":" + username)));
    }

    @Override
    public Future<Optional<UserCredentials>> findByUserhash(String realm, HashFunction hash, String userhash) {
        return respond(users.values().stream()
                .filter(u -> u.realm().equals(realm)
                        && DigestHasher.current().userhash(hash, u.username(), realm).equals(userhash))
                .findFirst());
    }

    @Override
    public boolean ready() {
        return mode != Mode.FAIL;
    }

    private Future<Optional<UserCredentials>> respond(Optional<UserCredentials> answer) {
        calls.incrementAndGet();
        return switch (mode) {
            case ANSWER -> Future.succeededFuture(answer);
            case FAIL -> Future.failedFuture(new IllegalStateException("database down"));
            case HOLD -> {
                Promise<Optional<UserCredentials>> promise = Promise.promise();
                held.add(new Held(promise, answer));
                yield promise.future();
            }
        };
    }
}
