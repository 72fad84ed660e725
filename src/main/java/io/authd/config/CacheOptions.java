package io.authd.config;

import java.time.Duration;

/**
 * The cache of user lookups in front of a database store.
 *
 * @param maxEntries   users (and unknown names) cached at most; 0 turns the cache off, so every verification
 *                     asks the database
 * @param ttl          how long a cached user is used before it is read again; changes announced over
 *                     LISTEN/NOTIFY are seen at once, this bounds the rest
 * @param negativeTtl  how long "no such user" is remembered, so that guessed usernames do not each cost a
 *                     query; short, so that a newly added user is found soon
 * @param maxStaleness while the database cannot answer, cached users keep being verified for up to this long
 *                     after they were read; past it they answer {@code unavailable}
 */
public record CacheOptions(int maxEntries, Duration ttl, Duration negativeTtl, Duration maxStaleness) {

    public static final CacheOptions DEFAULTS = new CacheOptions(100_000, Duration.ofSeconds(60),
            Duration.ofSeconds(5), Duration.ofMinutes(15));

    public CacheOptions {
        Problems problems = new Problems();
        problems.check(maxEntries >= 0, "maxEntries", "must be 0 (no cache) or more, got " + maxEntries);
        boolean ttlSet = problems.present(ttl, "ttl");
        if (ttlSet) {
            problems.check(RedisOptions.atLeastOneMilli(ttl), "ttl", "must be at least 1ms, got '" + ttl + "'");
        }
        if (problems.present(negativeTtl, "negativeTtl")) {
            problems.check(RedisOptions.atLeastOneMilli(negativeTtl), "negativeTtl",
                    "must be at least 1ms, got '" + negativeTtl + "'");
        }
        if (problems.present(maxStaleness, "maxStaleness") && ttlSet) {
            problems.check(maxStaleness.compareTo(ttl) >= 0, "maxStaleness",
                    "must be at least ttl (" + Durations.format(ttl) + "), got '" + Durations.format(maxStaleness) + "'");
        }
        problems.throwIfAny();
    }

    public boolean enabled() {
        return maxEntries > 0;
    }
}
