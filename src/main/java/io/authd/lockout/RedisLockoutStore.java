package io.authd.lockout;

import io.authd.replay.RedisClients;
import io.authd.replay.RedisScript;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lockout counters in Redis, shared by every replica: failures counted through one replica lock the key out on all.
 * A failure is one Lua script run ({@code lockout-fail.lua}, the {@link FailureWindow} rules), so replicas racing on a
 * key cannot lose counts; a check is one HGET per key (single commands are atomic). Each key is a hash
 * {@code <prefix>lockout:<key>} that expires ({@code PEXPIREAT}) when its state no longer matters, so Redis holds
 * only keys that failed recently and needs no cleanup. Each key is its own Redis key: it works on a Redis Cluster.
 */
public final class RedisLockoutStore implements LockoutStore {
    private static final RedisScript FAIL = RedisScript.load(RedisLockoutStore.class, "lockout-fail.lua");

    private final Redis redis;
    private final String prefix;
    private final LockoutPolicy policy;
    private final long timeoutMillis;

    private RedisLockoutStore(Redis redis, String keyPrefix, LockoutPolicy policy, Duration timeout) {
        this.redis = redis;
        this.prefix = keyPrefix + "lockout:";
        this.policy = policy;
        this.timeoutMillis = timeout.toMillis();
    }

    /** Connects lazily, on the first call. */
    public static RedisLockoutStore create(Vertx vertx, String uri, String keyPrefix, LockoutPolicy policy,
                                           Duration timeout) {
        return new RedisLockoutStore(RedisClients.create(vertx, uri, timeout), keyPrefix, policy, timeout);
    }

    @Override
    public Future<Long> lockedUntil(List<String> keys, long now) {
        List<Future<Response>> replies = keys.stream()
                .map(key -> redis.send(Request.cmd(Command.HGET).arg(prefix + key).arg("until"))).toList();
        return timed(Future.all(replies).map(all -> {
            long until = 0;
            for (int i = 0; i < all.size(); i++) {
                Response r = all.resultAt(i);
                until = r == null ? until : Math.max(until, (long) Double.parseDouble(r.toString()));
            }
            return until;
        }));
    }

    @Override
    public Future<Long> fail(String key, int threshold, long now) {
        return timed(FAIL.run(redis, List.of(prefix + key), now, policy.windowMillis(), threshold, policy.baseMillis(),
                policy.factor(), policy.maxMillis(), LockoutPolicy.MAX_EXPONENT).map(Response::toLong));
    }

    @Override
    public Future<Void> reset(String key) {
        return timed(redis.send(Request.cmd(Command.DEL).arg(prefix + key)).mapEmpty());
    }

    @Override
    public Future<Void> close() {
        return redis.close();
    }

    private <T> Future<T> timed(Future<T> call) {
        return call.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
