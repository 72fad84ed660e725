package io.authd.lockout;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link LockoutStore} must do: the {@link FailureWindow} rules, the same in Java, Lua and PL/pgSQL.
 * Times are passed in, so the cases need no sleeping; they start at the real time because Redis expires keys
 * by its own clock.
 */
abstract class LockoutStoreContract {
    /** Window 60 s, first lockout 10 s, then twice as long each time, at most 40 s. */
    static final LockoutPolicy POLICY = new LockoutPolicy(60_000, 10_000, 2.0, 40_000);
    private static final long SECOND = 1000;

    /** A store applying {@link #POLICY}. */
    protected abstract LockoutStore store();

    private final long t0 = System.currentTimeMillis();
    private final String key = "u:" + UUID.randomUUID();

    @Test
    void belowTheThresholdNothingIsLocked() {
        assertThat(fail(key, 3, t0)).isLessThanOrEqualTo(t0);
        assertThat(fail(key, 3, t0 + SECOND)).isLessThanOrEqualTo(t0 + SECOND);
        assertThat(lockedUntil(List.of(key), t0 + SECOND)).isLessThanOrEqualTo(t0 + SECOND);
    }

    @Test
    void theThresholdLocksTheKeyForTheBaseDuration() {
        fail(key, 3, t0);
        fail(key, 3, t0);

        assertThat(fail(key, 3, t0 + SECOND)).isEqualTo(t0 + 11 * SECOND);
        assertThat(lockedUntil(List.of(key), t0 + 2 * SECOND)).isEqualTo(t0 + 11 * SECOND);
    }

    @Test
    void eachFurtherLockoutIsLongerUpToTheMaximum() {
        long now = t0;
        long[] expected = {10, 20, 40, 40};
        for (long seconds : expected) {
            fail(key, 2, now);
            assertThat(fail(key, 2, now)).isEqualTo(now + seconds * SECOND);
            now += seconds * SECOND;
        }
    }

    @Test
    void thePreviousWindowCountsByHowMuchOfItTheSlidingWindowStillCovers() {
        fail(key, 4, t0);
        fail(key, 4, t0);
        fail(key, 4, t0);
        long halfIntoNext = t0 + 90 * SECOND; // the previous window's 3 failures weigh 1.5

        assertThat(fail(key, 4, halfIntoNext)).isLessThanOrEqualTo(halfIntoNext); // 2.5
        assertThat(fail(key, 4, halfIntoNext)).isLessThanOrEqualTo(halfIntoNext); // 3.5
        assertThat(fail(key, 4, halfIntoNext)).isEqualTo(halfIntoNext + 10 * SECOND); // 4.5
    }

    @Test
    void failuresTwoWindowsApartDoNotAddUp() {
        fail(key, 2, t0);

        assertThat(fail(key, 2, t0 + 121 * SECOND)).isLessThanOrEqualTo(t0 + 121 * SECOND);
    }

    @Test
    void resetForgetsFailuresAndLockouts() {
        fail(key, 2, t0);
        fail(key, 2, t0);
        await(store().reset(key));

        assertThat(lockedUntil(List.of(key), t0)).isLessThanOrEqualTo(t0);
        fail(key, 2, t0 + SECOND);
        assertThat(fail(key, 2, t0 + SECOND)).as("the strikes were forgotten too: the base duration again")
                .isEqualTo(t0 + 11 * SECOND);
    }

    @Test
    void lockedUntilIsTheLongestLockoutAmongTheKeys() {
        String other = "a:" + UUID.randomUUID();
        fail(key, 1, t0);
        fail(other, 1, t0 + 5 * SECOND);

        assertThat(lockedUntil(List.of(key, other, "a:never-seen"), t0 + 6 * SECOND)).isEqualTo(t0 + 15 * SECOND);
    }

    @Test
    void concurrentFailuresAreAllCounted() {
        int threshold = 20;
        List<Future<Long>> all = IntStream.range(0, threshold).mapToObj(i -> store().fail(key, threshold, t0)).toList();
        await(Future.all(all));

        assertThat(lockedUntil(List.of(key), t0)).isEqualTo(t0 + 10 * SECOND);
    }

    private long fail(String k, int threshold, long now) {
        return await(store().fail(k, threshold, now));
    }

    private long lockedUntil(List<String> keys, long now) {
        return await(store().lockedUntil(keys, now));
    }

    static <T> T await(Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within 10 s", e);
        }
    }
}
