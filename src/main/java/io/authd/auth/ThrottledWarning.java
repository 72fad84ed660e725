package io.authd.auth;

import org.slf4j.Logger;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A warning logged at most once per interval, with the number of occurrences it stood for: during a store
 * outage every request fails the same way, and a line per request would bury the log (and cost the event loop).
 */
public final class ThrottledWarning {
    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextNanos = new AtomicLong(Long.MIN_VALUE);
    private final LongAdder skipped = new LongAdder();

    public ThrottledWarning(Logger log, java.time.Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Logs {@code message: cause} unless a line was logged within the interval; then only counts it. The cause is
     * logged as its one-line {@code toString()}, not its stack trace: the stack of a timeout says nothing new.
     */
    public void warn(String message, Throwable cause) {
        long now = System.nanoTime();
        long next = nextNanos.get();
        if ((next != Long.MIN_VALUE && now - next < 0) || !nextNanos.compareAndSet(next, now + intervalNanos)) {
            skipped.increment();
            return;
        }
        long alsoFailed = skipped.sumThenReset();
        if (alsoFailed == 0) {
            log.warn("{}: {}", message, cause.toString());
        } else {
            log.warn("{}: {} ({} more since the last line)", message, cause.toString(), alsoFailed);
        }
    }
}
