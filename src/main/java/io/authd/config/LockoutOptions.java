package io.authd.config;

import java.time.Duration;
import java.util.List;

/**
 * Brute-force protection: failed verifications are counted per (realm, claimed user) and per client address in a
 * sliding window; a key that reaches its threshold is locked out, for {@code baseDuration} the first time and
 * {@code factor} times longer each time again, up to {@code maxDuration}. See SECURITY.md "Password guessing".
 *
 * @param enabled          off: nothing is counted and nobody is locked out
 * @param store            where the counters are kept: {@code memory} (this replica only), or {@code redis} or
 *                         {@code postgres} (shared, so a lockout reached through one replica holds on all), which
 *                         use the connection of {@code replay.redis} or {@code replay.postgres}
 * @param window           the sliding window failures are counted over
 * @param userThreshold    failures of one (realm, user) within the window that lock it out; 0 = do not count users
 * @param addressThreshold failures from one client address within the window that lock it out; 0 = do not count
 *                         addresses
 * @param baseDuration     the first lockout of a key
 * @param factor           each further lockout of a key (before its state expires) lasts this many times longer
 * @param maxDuration      no lockout lasts longer
 * @param failClosed       when the lockout store cannot answer: true answers {@code unavailable} (503), false
 *                         (default) verifies without the lockout and counts the error
 * @param maxEntries       memory store: keys tracked at most; the least recently used are dropped first
 * @param resilience       circuit breaker and bulkhead around the shared stores' calls
 */
public record LockoutOptions(boolean enabled, String store, Duration window, int userThreshold, int addressThreshold,
                             Duration baseDuration, double factor, Duration maxDuration, boolean failClosed,
                             int maxEntries, ResilienceOptions resilience) {

    public static final List<String> STORES = ReplayOptions.STORES;
    /** Below this an address flood would push users' counters out before they reach the threshold. */
    public static final int MIN_ENTRIES = 1000;

    public static final LockoutOptions DEFAULTS = new LockoutOptions(true, "memory", Duration.ofMinutes(15), 10, 100,
            Duration.ofSeconds(30), 2.0, Duration.ofMinutes(15), false, 100_000, ResilienceOptions.DEFAULTS);

    public LockoutOptions {
        Problems problems = new Problems();
        store = problems.storeName(store, "store", STORES);
        positive(problems, window, "window");
        positive(problems, baseDuration, "baseDuration");
        if (positive(problems, maxDuration, "maxDuration") && baseDuration != null) {
            problems.check(maxDuration.compareTo(baseDuration) >= 0, "maxDuration",
                    "must be at least baseDuration (" + baseDuration + "), got '" + maxDuration + "'");
        }
        problems.check(userThreshold >= 0, "userThreshold", "must be 0 (off) or more, got " + userThreshold);
        problems.check(addressThreshold >= 0, "addressThreshold", "must be 0 (off) or more, got " + addressThreshold);
        problems.check(factor >= 1.0 && factor <= 100.0, "factor", "must be 1..100, got " + factor);
        problems.check(maxEntries >= MIN_ENTRIES, "maxEntries", "must be at least " + MIN_ENTRIES + ", got " + maxEntries);
        problems.present(resilience, "resilience");
        problems.throwIfAny();
    }

    /** Whole seconds: Retry-After counts in seconds (RFC 9110 §10.2.3), so shorter durations cannot be told. */
    private static boolean positive(Problems problems, Duration d, String key) {
        if (problems.present(d, key)) {
            problems.check(d.compareTo(Duration.ofSeconds(1)) >= 0, key, "must be at least 1s, got '" + d + "'");
            return true;
        }
        return false;
    }
}
