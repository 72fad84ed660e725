package io.authd.replay;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

import java.time.Duration;

/** The Redis client the shared stores use: pooled, connecting lazily, and never queueing without bound. */
public final class RedisClients {
    /** Each in-flight command holds a pooled connection; sized for a busy replica, not a flood. */
    private static final int MAX_POOL_SIZE = 16;
    /** Past this many waiting commands new ones fail at once (503) instead of queueing behind a slow Redis. */
    private static final int MAX_POOL_WAITING = 1024;

    private RedisClients() {
    }

    public static Redis create(Vertx vertx, String uri, Duration commandTimeout) {
        int timeout = Math.toIntExact(commandTimeout.toMillis());
        return Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(uri)
                .setNetClientOptions(new NetClientOptions().setConnectTimeout(timeout))
                .setMaxPoolSize(MAX_POOL_SIZE)
                .setMaxPoolWaiting(MAX_POOL_WAITING));
    }
}
