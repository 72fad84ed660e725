package io.authd.lockout;

import io.authd.config.LockoutOptions;
import io.authd.config.ReplayOptions;
import io.authd.metrics.LockoutMetrics;
import io.authd.resilience.CallGuard;
import io.authd.resilience.ResilientCallGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.InstantSource;

/** The lockout the configuration names, on its store, ready to answer. */
public final class Lockouts {
    private Lockouts() {
    }

    /**
     * The shared stores use the connection of {@code replay.redis} or {@code replay.postgres}: one Redis or one
     * PostgreSQL holds both kinds of shared state. Fails when the PostgreSQL schema cannot be prepared.
     */
    public static Future<Lockout> create(Vertx vertx, LockoutOptions options, ReplayOptions replay, InstantSource clock,
                                         LockoutMetrics metrics) {
        if (!options.enabled()) {
            return Future.succeededFuture(Lockout.off());
        }
        LockoutPolicy policy = LockoutPolicy.of(options);
        if (options.store().equals("memory")) {
            return Future.succeededFuture(new Lockout(new MemoryLockoutStore(policy, options.maxEntries()),
                    CallGuard.none(), options, clock, metrics));
        }
        CallGuard guard = ResilientCallGuard.forSelfTimedCalls(vertx, "lockout store", options.resilience());
        if (options.store().equals("redis")) {
            var redis = replay.redis();
            return Future.succeededFuture(new Lockout(RedisLockoutStore.create(vertx, redis.uri(), redis.keyPrefix(),
                    policy, redis.timeout()), guard, options, clock, metrics));
        }
        var pg = replay.postgres();
        PostgresLockoutStore store = PostgresLockoutStore.create(vertx, pg.uri(), pg.schema(), policy, pg.timeout(),
                pg.purgeInterval(), clock);
        return store.ensureSchema().map(v -> new Lockout(store, guard, options, clock, metrics))
                .recover(err -> store.close().transform(ignored -> Future.failedFuture(
                        "lockout: cannot prepare schema " + pg.schema() + " on replay.postgres: " + err.getMessage())));
    }
}
