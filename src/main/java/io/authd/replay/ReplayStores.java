package io.authd.replay;

import io.authd.config.ReplayOptions;
import io.vertx.core.Vertx;

import java.time.InstantSource;

/** The replay store the configuration names. */
public final class ReplayStores {
    private ReplayStores() {
    }

    public static ReplayStore create(Vertx vertx, ReplayOptions options, InstantSource clock) {
        return switch (options.store()) {
            case "redis" -> RedisReplayStore.create(vertx, new RedisReplayOptions(options.redis().uri(),
                    options.redis().keyPrefix(), options.window(), options.redis().timeout()));
            case "memory" -> new MemoryReplayStore(options.window(), options.maxEntries(), clock);
            default -> throw new IllegalArgumentException("replay.store '" + options.store()
                    + "' passed validation but has no implementation: a bug in ReplayOptions.STORES");
        };
    }
}
