package io.authd.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;

/**
 * Waiting for something another thread does (a timer, a database, a reconnect) without a fixed sleep as
 * the assertion: checks often, gives up at a deadline with a message naming what never happened.
 */
public final class Poll {
    private static final long INTERVAL_MILLIS = 5;

    private Poll() {
    }

    public static void until(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not within " + limit.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting: " + what);
            }
        }
    }
}
