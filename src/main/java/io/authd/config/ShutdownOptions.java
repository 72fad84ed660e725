package io.authd.config;

import java.time.Duration;

/**
 * What {@code authd serve} does on SIGTERM. Readiness turns false at once; for {@code drain} the public port
 * keeps serving (Kubernetes takes a few seconds to remove the pod from the Service's endpoints, and requests sent
 * meanwhile must not fail), answering kept-alive callers with {@code Connection: close} or GOAWAY so they
 * reconnect elsewhere; then it stops accepting connections and gives requests in flight up to {@code timeout} to
 * finish before the stores are closed and the process exits. Set the pod's terminationGracePeriodSeconds above
 * drain + timeout.
 *
 * @param drain   how long new connections are still accepted after the signal
 * @param timeout how long requests in flight get after the drain before their connections are closed
 */
public record ShutdownOptions(Duration drain, Duration timeout) {

    public static final ShutdownOptions DEFAULTS = new ShutdownOptions(Duration.ofSeconds(5), Duration.ofSeconds(10));

    public ShutdownOptions {
        Problems problems = new Problems();
        if (problems.present(drain, "drain")) {
            problems.check(!drain.isNegative() && drain.compareTo(Duration.ofMinutes(5)) <= 0, "drain",
                    "must be 0..5m, got '" + Durations.format(drain) + "'");
        }
        if (problems.present(timeout, "timeout")) {
            problems.check(RedisOptions.atLeastOneMilli(timeout) && timeout.compareTo(Duration.ofMinutes(5)) <= 0,
                    "timeout", "must be 1ms..5m, got '" + Durations.format(timeout) + "'");
        }
        problems.throwIfAny();
    }

    /** The longest a clean shutdown takes. */
    public Duration total() {
        return drain.plus(timeout);
    }
}
