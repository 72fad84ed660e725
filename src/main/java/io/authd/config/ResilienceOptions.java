package io.authd.config;

import java.time.Duration;

/**
 * The circuit breaker and bulkhead around database calls. An open breaker fails calls at once instead of
 * letting each wait for its timeout, so a database outage costs requests microseconds, not the timeout,
 * and the database gets room to recover.
 *
 * @param failureRateThreshold percentage of failed (or timed-out) calls among the last {@code slidingWindowSize}
 *                             that opens the breaker
 * @param slidingWindowSize    calls the failure rate is computed over
 * @param minimumCalls         calls needed before the rate is judged, so one early failure cannot open it
 * @param openDuration         how long the breaker stays open before letting a few trial calls through
 * @param maxConcurrent        database calls in flight at most (bulkhead); more fail at once as unavailable
 *                             instead of queueing behind a slow database
 */
public record ResilienceOptions(int failureRateThreshold, int slidingWindowSize, int minimumCalls,
                                Duration openDuration, int maxConcurrent) {

    public static final ResilienceOptions DEFAULTS = new ResilienceOptions(50, 20, 10, Duration.ofSeconds(5), 256);

    public ResilienceOptions {
        Problems problems = new Problems();
        problems.check(failureRateThreshold >= 1 && failureRateThreshold <= 100, "failureRateThreshold",
                "must be a percentage 1..100, got " + failureRateThreshold);
        problems.check(slidingWindowSize >= 1, "slidingWindowSize", "must be at least 1, got " + slidingWindowSize);
        problems.check(minimumCalls >= 1, "minimumCalls", "must be at least 1, got " + minimumCalls);
        if (problems.present(openDuration, "openDuration")) {
            problems.check(RedisOptions.atLeastOneMilli(openDuration), "openDuration",
                    "must be at least 1ms, got '" + openDuration + "'");
        }
        problems.check(maxConcurrent >= 1, "maxConcurrent", "must be at least 1, got " + maxConcurrent);
        problems.throwIfAny();
    }
}
