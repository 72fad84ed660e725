package io.authd.config;

import java.time.Duration;

/**
 * The Redis that holds shared replay state when {@code replay.store} is {@code redis}.
 *
 * @param uri       {@code redis://[user:password@]host:port[/db]}; put a password in it through the
 *                  environment ({@code AUTHD_REPLAY_REDIS_URI}), not the file
 * @param keyPrefix prepended to every key, so several deployments can share one Redis
 * @param timeout   how long one check may take before the verification answers {@code unavailable}
 */
public record RedisOptions(String uri, String keyPrefix, Duration timeout) {

    public static final RedisOptions DEFAULTS = new RedisOptions("redis://127.0.0.1:6379", "authd:", Duration.ofMillis(250));

    public RedisOptions {
        Problems problems = new Problems();
        if (problems.present(uri, "uri")) {
            problems.check(uri.startsWith("redis://") || uri.startsWith("rediss://") || uri.startsWith("unix://"),
                    "uri", "must start with redis://, rediss:// or unix://");
        }
        problems.present(keyPrefix, "keyPrefix");
        if (problems.present(timeout, "timeout")) {
            problems.check(atLeastOneMilli(timeout), "timeout", "must be at least 1ms, got '" + timeout + "'");
        }
        problems.throwIfAny();
    }

    /** The stores' timers count in milliseconds: anything shorter would be zero, i.e. no timeout at all. */
    static boolean atLeastOneMilli(Duration d) {
        return d.compareTo(Duration.ofMillis(1)) >= 0;
    }
}
