package io.authd.config;

import java.util.List;

/**
 * Replay protection: which nonce-counts each nonce has already used.
 *
 * @param store      where they are kept: {@code memory} (this replica only), {@code redis} or {@code postgres}
 *                   (shared by every replica, so a count used on one is refused on all)
 * @param window     how many recent nonce-counts per nonce are remembered, 1..64 (one bit each in a long), so
 *                   a client may send up to this many requests out of order
 * @param maxEntries memory store: nonces tracked at most; the oldest are dropped first, so memory stays bounded
 * @param redis      the Redis used when {@code store} is {@code redis}
 * @param postgres   the PostgreSQL used when {@code store} is {@code postgres}
 * @param resilience circuit breaker and bulkhead around the shared stores' calls
 */
public record ReplayOptions(String store, int window, int maxEntries, RedisOptions redis, PostgresOptions postgres,
                            ResilienceOptions resilience) {

    /** The stores there are. */
    public static final List<String> STORES = List.of("memory", "redis", "postgres");
    public static final int MAX_WINDOW = 64;
    /** Below this a busy realm would evict live nonces and turn honest retries into replays. */
    public static final int MIN_ENTRIES = 1000;

    public static final ReplayOptions DEFAULTS = new ReplayOptions("memory", MAX_WINDOW, 1_000_000,
            RedisOptions.DEFAULTS, PostgresOptions.DEFAULTS, ResilienceOptions.DEFAULTS);

    public ReplayOptions {
        Problems problems = new Problems();
        store = problems.storeName(store, "store", STORES);
        problems.check(window >= 1 && window <= MAX_WINDOW, "window", "must be 1.." + MAX_WINDOW + ", got " + window);
        problems.present(resilience, "resilience");
        problems.check(maxEntries >= MIN_ENTRIES, "maxEntries", "must be at least " + MIN_ENTRIES + ", got " + maxEntries);
        problems.throwIfAny();
    }
}
