package io.authd.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What all connections share: the error count, the first error descriptions, and the early stop. */
final class RunState {
    /** Past this many errors the figures mean nothing: stop instead of hammering a broken server for the full run. */
    static final long STOP_AFTER_ERRORS = 100;
    /** An error description is cut here: a whole HTML error page helps nobody. */
    private static final int MAX_DESCRIPTION = 600;

    private final int keep;
    private final AtomicLong errors = new AtomicLong();
    private final List<String> first = new ArrayList<>();
    private volatile boolean stopped;

    RunState(int keep) {
        this.keep = keep;
    }

    void error(String description) {
        long n = errors.incrementAndGet();
        if (n <= keep) {
            synchronized (first) {
                first.add(description.length() > MAX_DESCRIPTION
                        ? description.substring(0, MAX_DESCRIPTION) + "..." : description);
            }
        }
        if (n >= STOP_AFTER_ERRORS) {
            stopped = true;
        }
    }

    boolean stopped() {
        return stopped;
    }

    long errors() {
        return errors.get();
    }

    List<String> firstErrors() {
        synchronized (first) {
            return List.copyOf(first);
        }
    }
}
