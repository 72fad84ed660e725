package io.authd.config;

import java.time.Duration;

/**
 * Abuse limits of the public port, against a caller that floods it or holds connections open without asking.
 *
 * @param requestsPerSecond requests each caller address may make per second on average; 0 (default) = no limit.
 *                          Callers are the proxies, so size it for the busiest proxy, not for an end client
 * @param burst             requests a caller may make at once after being quiet (the bucket's size)
 * @param maxCallers        caller addresses tracked at most; the least recently seen is forgotten first (it then
 *                          starts again with a full bucket), so memory stays bounded whoever connects
 * @param idleTimeout       a public connection on which nothing arrives for this long is closed, also in the middle
 *                          of a request head (a client that stalls). Vert.x restarts it on every byte, and with h2c
 *                          on it shows a connection to authd only once its first request head is complete, so a
 *                          client trickling a byte at a time is not stopped by it (SECURITY.md, "Abuse limits")
 */
public record LimitsOptions(int requestsPerSecond, int burst, int maxCallers, Duration idleTimeout) {

    public static final LimitsOptions DEFAULTS = new LimitsOptions(0, 200, 10_000, Duration.ofSeconds(60));

    public LimitsOptions {
        Problems problems = new Problems();
        problems.check(requestsPerSecond >= 0, "requestsPerSecond",
                "must be 0 (no limit) or more, got " + requestsPerSecond);
        problems.check(burst >= 1, "burst", "must be at least 1, got " + burst);
        problems.check(maxCallers >= 1, "maxCallers", "must be at least 1, got " + maxCallers);
        if (problems.present(idleTimeout, "idleTimeout")) {
            problems.check(RedisOptions.atLeastOneMilli(idleTimeout), "idleTimeout",
                    "must be at least 1ms, got '" + idleTimeout + "'");
        }
        problems.throwIfAny();
    }
}
