package io.authd.replay;

import io.authd.config.ReplayOptions;
import io.authd.resilience.ResilientCallGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;


import java.time.InstantSource;

/** The replay store the configuration names, ready to answer. */
public final class ReplayStores {
    private static final int SCHEMA_ATTEMPTS = 20;
    private static final long SCHEMA_RETRY_MILLIS = 250;
    private ReplayStores() {
    }

    /** Fails when a shared store cannot be prepared: a replica must not start without its replay state. */
    public static Future<ReplayStore> create(Vertx vertx, ReplayOptions options, InstantSource clock) {
        return switch (options.store()) {
            case "redis" -> Future.succeededFuture(guarded(vertx, options,
                    RedisReplayStore.create(vertx, new RedisReplayOptions(options.redis().uri(),
                            options.redis().keyPrefix(), options.window(), options.redis().timeout()))));
            case "postgres" -> postgres(vertx, options).map(store -> guarded(vertx, options, store));
            case "memory" -> Future.succeededFuture(new MemoryReplayStore(options.window(), options.maxEntries(), clock));
            default -> throw new IllegalArgumentException("replay.store '" + options.store()
                    + "' passed validation but has no implementation: a bug in ReplayOptions.STORES");
        };
    }

    /** The store's own timeout bounds each call, and its timeouts count against the breaker as failures. */
    private static ReplayStore guarded(Vertx vertx, ReplayOptions options, ReplayStore store) {
        return new GuardedReplayStore(store, ResilientCallGuard.forSelfTimedCalls(vertx, "replay store",
                options.resilience()));
    }

    private static Future<ReplayStore> postgres(Vertx vertx, ReplayOptions options) {
        var pg = options.postgres();
        PostgresReplayStore store = PostgresReplayStore.create(vertx, new PostgresReplayOptions(pg.uri(), pg.schema(),
                options.window(), pg.timeout(), pg.purgeInterval()));
        return ensureSchema(vertx, store, SCHEMA_ATTEMPTS).<ReplayStore>map(v -> store)
                .recover(err -> store.close().transform(ignored -> Future.failedFuture(
                        "replay.postgres: cannot prepare schema " + pg.schema() + ": " + err.getMessage())));
    }

    /**
     * The per-request timeout is short (a verification must not wait), but a cold pool's first connection
     * may take longer: start-up retries for a few seconds before giving up.
     */
    private static Future<Void> ensureSchema(Vertx vertx, PostgresReplayStore store, int attemptsLeft) {
        return store.ensureSchema().recover(err -> attemptsLeft <= 1 ? Future.failedFuture(err)
                : vertx.timer(SCHEMA_RETRY_MILLIS).compose(t -> ensureSchema(vertx, store, attemptsLeft - 1)));
    }
}
