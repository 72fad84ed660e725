package io.authd.replay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replay state in Redis, shared by every replica: a nonce-count used on one replica is a replay on all
 * (RFC 7616 §3.4). Each {@link #record} is one Lua script run, so the check and the update are atomic even
 * when replicas race on the same nonce; the window is the memory store's (RFC 4303 §3.4.3), see
 * {@code replay-window.lua} for how its 64-bit bitmap is kept in Lua's doubles.
 *
 * <p>One hash per nonce, {@code <prefix>nonce:<nonce>}, which expires with the nonce ({@code PEXPIREAT}
 * on every write), so Redis holds only live nonces and needs no cleanup.
 *
 * <p>Fails closed: when Redis is down, slow or answers an error, the future fails (never
 * {@link ReplayVerdict#FIRST_USE}) and the authenticator refuses with 503. A command timeout bounds the wait.
 */
public final class RedisReplayStore implements ReplayStore {
    /** Counts above this cannot be held exactly by Lua's doubles. Digest counts are 8 hex digits, far below. */
    static final long MAX_EXACT_COUNT = 1L << 53;
    private static final RedisScript SCRIPT = RedisScript.load(RedisReplayStore.class, "replay-window.lua");
    private static final Future<ReplayVerdict> REFUSED = Future.succeededFuture(ReplayVerdict.REPLAYED);

    private final Redis redis;
    private final String keyPrefix;
    private final String window;
    private final long timeoutMillis;
    private final AtomicLong failures = new AtomicLong();

    private RedisReplayStore(Redis redis, RedisReplayOptions options) {
        this.redis = redis;
        this.keyPrefix = options.keyPrefix() + "nonce:";
        this.window = Integer.toString(options.window());
        this.timeoutMillis = options.commandTimeout().toMillis();
    }

    /** A store on the Redis at {@code options.uri()}; connects lazily, on the first record. */
    public static RedisReplayStore create(Vertx vertx, RedisReplayOptions options) {
        return new RedisReplayStore(RedisClients.create(vertx, options.uri(), options.commandTimeout()), options);
    }

    @Override
    public Future<ReplayVerdict> record(String nonce, long nc, long expiresAtMillis) {
        if (nc <= 0 || nc > MAX_EXACT_COUNT) {
            return REFUSED; // never a valid first use; no round trip needed
        }
        return SCRIPT.run(redis, List.of(keyPrefix + nonce), nc, window, expiresAtMillis)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .map(reply -> reply.toInteger() == 1 ? ReplayVerdict.FIRST_USE : ReplayVerdict.REPLAYED)
                .onFailure(err -> failures.incrementAndGet());
    }

    /** How many records failed (Redis down, slow or in error); each was refused, never allowed. */
    public long failures() {
        return failures.get();
    }

    @Override
    public Future<Void> close() {
        return redis.close();
    }
}
