package io.authd.lockout;

import io.authd.auth.Decision;
import io.authd.auth.Eager;
import io.authd.auth.HeaderField;
import io.authd.auth.Outcome;
import io.authd.auth.Protocol;
import io.authd.auth.Reason;
import io.authd.auth.ThrottledWarning;
import io.authd.config.LockoutOptions;
import io.authd.metrics.LockoutMetrics;
import io.authd.metrics.MeterNames;
import io.authd.resilience.CallGuard;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Brute-force protection around a verification: asked before the credentials are checked, told the decision after.
 * A locked-out key is refused with {@code locked_out} before its password is looked at, so a correct password during
 * a lockout is refused too, and the refusal costs the same whether the user exists or not (the credential store is
 * not consulted). Failures are the decisions that blame the credentials ({@code bad_credentials},
 * {@code invalid_token}), whatever the scheme; an allow resets the user's counter but not the address's, so an
 * attacker cannot clear an address lockout with one account it owns.
 *
 * <p>When the store cannot answer, {@code lockout.failClosed} decides: false (default) verifies without the lockout
 * (a store outage must not lock everyone out; the password is still checked, so nothing wrong is ever allowed),
 * true answers {@code unavailable}. Either way the error is counted and logged (throttled).
 */
public final class Lockout {
    private static final Logger LOG = LoggerFactory.getLogger(Lockout.class);
    private static final ThrottledWarning STORE_DOWN = new ThrottledWarning(LOG, Duration.ofSeconds(5));
    private static final int RETRY_UNAVAILABLE_SECONDS = 1;

    private final LockoutStore store;
    private final CallGuard guard;
    private final LockoutOptions options;
    private final InstantSource clock;
    private final LockoutMetrics metrics;

    public Lockout(LockoutStore store, CallGuard guard, LockoutOptions options, InstantSource clock,
                   LockoutMetrics metrics) {
        this.store = store;
        this.guard = guard;
        this.options = options;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Counts nothing and refuses nobody. */
    public static Lockout off() {
        LockoutOptions off = new LockoutOptions(false, "memory", Duration.ofMinutes(1), 0, 0, Duration.ofSeconds(1),
                1.0, Duration.ofSeconds(1), false, LockoutOptions.MIN_ENTRIES, LockoutOptions.DEFAULTS.resilience());
        return new Lockout(new MemoryLockoutStore(LockoutPolicy.of(off), off.maxEntries()), CallGuard.none(), off,
                InstantSource.system(), LockoutMetrics.NONE);
    }

    /**
     * Runs {@code verification} unless the attempt's user or address is locked out, and counts its decision.
     *
     * @param attempt null when there is nothing to count (no credentials, malformed ones)
     */
    public Future<Decision> guard(Attempt attempt, Supplier<Future<Decision>> verification) {
        List<Key> keys = keys(attempt);
        if (keys.isEmpty()) {
            return verification.get();
        }
        long now = clock.millis();
        List<String> ids = ids(keys);
        return Eager.transform(guard.call(() -> store.lockedUntil(ids, now)), checked -> {
            if (checked.failed()) {
                storeError("check", checked.cause());
                return options.failClosed() ? Future.succeededFuture(Decision.unavailable(
                        "lockout store unavailable", RETRY_UNAVAILABLE_SECONDS)) : counted(keys, verification);
            }
            long until = checked.result();
            return until > now ? Future.succeededFuture(lockedOut(attempt.protocol(), until - now))
                    : counted(keys, verification);
        });
    }

    /**
     * Readiness: false only while a fail-closed lockout's store refuses calls (its breaker is open). A fail-open
     * lockout without its store still verifies every password, so the replica stays ready.
     */
    public boolean ready() {
        return !options.failClosed() || guard.available();
    }

    public Future<Void> close() {
        return store.close();
    }

    /**
     * The contract's {@code locked_out}: 403 for SIP (RFC 3261 §21.4.4: the server understood and will not serve),
     * 429 for HTTP (RFC 6585 §4), with Retry-After in whole seconds, rounded up (RFC 9110 §10.2.3).
     */
    static Decision lockedOut(Protocol protocol, long remainingMillis) {
        int status = protocol == Protocol.SIP ? 403 : 429;
        long seconds = Math.max(1, (remainingMillis + 999) / 1000);
        return Decision.deny(status, Reason.LOCKED_OUT, List.of(new HeaderField("Retry-After", Long.toString(seconds))),
                "too many failed attempts; try again later");
    }

    private Future<Decision> counted(List<Key> keys, Supplier<Future<Decision>> verification) {
        return Eager.compose(verification.get(), decision -> Eager.map(record(keys, decision), done -> decision));
    }

    /** Never fails: a store that cannot record leaves the decision as it is. */
    private Future<Void> record(List<Key> keys, Decision decision) {
        if (isFailure(decision)) {
            long now = clock.millis();
            return Future.join(keys.stream().map(key -> fail(key, now)).toList()).<Void>mapEmpty()
                    .otherwiseEmpty();
        }
        Key user = keys.get(0); // the user's key comes first when there is one
        if (decision.outcome() == Outcome.ALLOW && user.kind().equals(MeterNames.KEY_USER)) {
            Future<Void> reset = guard.call(() -> store.reset(user.id()));
            return reset.succeeded() ? reset : reset.onFailure(e -> storeError("reset", e)).otherwiseEmpty();
        }
        return Future.succeededFuture();
    }

    private Future<Void> fail(Key key, long now) {
        return guard.call(() -> store.fail(key.id(), key.threshold(), now))
                .onSuccess(until -> {
                    metrics.failureCounted(key.kind());
                    if (until > now) {
                        metrics.lockedOut(key.kind());
                    }
                })
                .onFailure(e -> storeError("record", e))
                .mapEmpty();
    }

    private static boolean isFailure(Decision decision) {
        return decision.reason() == Reason.BAD_CREDENTIALS || decision.reason() == Reason.INVALID_TOKEN;
    }

    /** The keys' ids without a stream: this runs for every verification with credentials (one or two keys). */
    private static List<String> ids(List<Key> keys) {
        return keys.size() == 1 ? List.of(keys.get(0).id()) : List.of(keys.get(0).id(), keys.get(1).id());
    }

    /** The user's key first, then the address's; empty when nothing is counted. */
    private List<Key> keys(Attempt attempt) {
        List<Key> keys = new ArrayList<>(2);
        if (!options.enabled() || attempt == null) {
            return keys;
        }
        if (attempt.user() != null && options.userThreshold() > 0) {
            keys.add(new Key(attempt.userKey(), MeterNames.KEY_USER, options.userThreshold()));
        }
        if (attempt.address() != null && options.addressThreshold() > 0) {
            keys.add(new Key(attempt.addressKey(), MeterNames.KEY_ADDRESS, options.addressThreshold()));
        }
        return keys;
    }

    private void storeError(String call, Throwable cause) {
        metrics.storeError();
        STORE_DOWN.warn("lockout store: " + call + " failed; "
                + (options.failClosed() ? "answering unavailable" : "verifying without the lockout"), cause);
    }

    private record Key(String id, String kind, int threshold) {
    }
}
