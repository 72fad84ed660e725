package io.authd.replay;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.authd.replay.ReplayVerdict.FIRST_USE;
import static io.authd.replay.ReplayVerdict.REPLAYED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What every {@link ReplayStore} must do: the per-nonce sliding window of RFC 4303 §3.4.3 over
 * nonce-counts (RFC 7616 §3.4). A subclass supplies the store; the cases run unchanged against each.
 */
abstract class ReplayStoreContract {
    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    /** A fresh, empty store remembering {@code window} counts per nonce; throws for a bad size. */
    protected abstract ReplayStore newStore(int window);

    private ReplayStore store;

    @BeforeEach
    void openStore() {
        store = newStore(SlidingWindow.MAX_SIZE);
    }

    protected static ReplayVerdict record(ReplayStore store, String nonce, long nc) {
        long expiresAt = System.currentTimeMillis() + NONCE_LIFETIME.toMillis();
        try {
            return store.record(nonce, nc, expiresAt).await(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("record did not complete within 5s", e);
        }
    }

    private ReplayVerdict record(String nonce, long nc) {
        return record(store, nonce, nc);
    }

    @Test
    void aCountIsFirstUseOnceAndReplayedAfter() {
        assertThat(record("n1", 1)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 1)).isEqualTo(REPLAYED);
        assertThat(record("n1", 2)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 2)).isEqualTo(REPLAYED);
    }

    @Test
    void outOfOrderCountsInsideTheWindowAreAcceptedOnce() {
        assertThat(record("n1", 10)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 7)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 9)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 7)).isEqualTo(REPLAYED);
        assertThat(record("n1", 1)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 10)).isEqualTo(REPLAYED);
    }

    @Test
    void everySlotOfTheWindowIsRememberedOnItsOwn() {
        assertThat(record("n1", 64)).isEqualTo(FIRST_USE);
        for (int nc = 63; nc >= 1; nc -= 2) {
            assertThat(record("n1", nc)).as("nc %d", nc).isEqualTo(FIRST_USE);
        }
        for (int nc = 64; nc >= 1; nc--) {
            assertThat(record("n1", nc)).as("nc %d", nc).isEqualTo(nc % 2 == 1 || nc == 64 ? REPLAYED : FIRST_USE);
        }
    }

    @Test
    void countsOlderThanTheWindowAreRefused() {
        assertThat(record("n1", 100)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 37)).as("offset 63: last slot").isEqualTo(FIRST_USE);
        assertThat(record("n1", 36)).as("offset 64: outside").isEqualTo(REPLAYED);
    }

    @Test
    void aLargeJumpForgetsEverythingBelowTheWindow() {
        assertThat(record("n1", 5)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 1_000)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 5)).isEqualTo(REPLAYED);
        assertThat(record("n1", 999)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 1_000)).isEqualTo(REPLAYED);
    }

    @Test
    void theLargestDigestCountWorksLikeAnyOther() {
        assertThat(record("n1", 0xFFFF_FFFFL)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 0xFFFF_FFFEL)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 0xFFFF_FFFFL)).isEqualTo(REPLAYED);
    }

    @Test
    void countZeroAndNegativeAreNeverAccepted() {
        assertThat(record("n1", 0)).isEqualTo(REPLAYED);
        assertThat(record("n1", -1)).isEqualTo(REPLAYED);
    }

    @Test
    void differentNoncesAreIndependent() {
        assertThat(record("n1", 1)).isEqualTo(FIRST_USE);
        assertThat(record("n2", 1)).isEqualTo(FIRST_USE);
        assertThat(record("n2", 1)).isEqualTo(REPLAYED);
        assertThat(record("n1", 2)).isEqualTo(FIRST_USE);
    }

    @Test
    void aSmallerWindowRefusesSooner() {
        ReplayStore small = newStore(4);
        assertThat(record(small, "n1", 10)).isEqualTo(FIRST_USE);
        assertThat(record(small, "n1", 7)).as("offset 3: last slot").isEqualTo(FIRST_USE);
        assertThat(record(small, "n1", 6)).as("offset 4: outside").isEqualTo(REPLAYED);
    }

    @Test
    void windowSizeIsValidatedAtConstruction() {
        assertThatIllegalArgumentException().isThrownBy(() -> newStore(0)).withMessageContaining("window");
        assertThatIllegalArgumentException().isThrownBy(() -> newStore(65)).withMessageContaining("window");
    }

    /** Offset 63 is the sign bit of the bigint: set, tested and shifted out like any other. */
    @Test
    void theLastSlotOfA64WindowIsBit63() {
        assertThat(record("n1", 100)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 37)).as("offset 63").isEqualTo(FIRST_USE);
        assertThat(record("n1", 99)).as("with bit 63 set").isEqualTo(FIRST_USE);
        assertThat(record("n1", 37)).isEqualTo(REPLAYED);
        assertThat(record("n1", 101)).as("shifts bit 63 out").isEqualTo(FIRST_USE);
        assertThat(record("n1", 38)).as("now at offset 63").isEqualTo(FIRST_USE);
        assertThat(record("n1", 37)).as("now at offset 64").isEqualTo(REPLAYED);
    }

    @Test
    void aJumpOf63KeepsTheOldCountInBit63() {
        assertThat(record("n1", 1)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 64)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 1)).isEqualTo(REPLAYED);
        assertThat(record("n1", 2)).isEqualTo(FIRST_USE);
    }

    /** Java and PostgreSQL shift 64-bit values modulo 64 (1 << 64 = 1): an unguarded shift keeps the old bits. */
    @Test
    void aJumpOfExactly64ClearsTheWholeBitmap() {
        assertThat(record("n1", 1)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 2)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 66)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 65)).isEqualTo(FIRST_USE);
        assertThat(record("n1", 66)).isEqualTo(REPLAYED);
    }

    /**
     * Random counts, jumps of every size and repeats, against the reference window: catches shifts and slots
     * that go wrong at one offset only (a store may split the bitmap, as the Redis one does at bit 32).
     */
    @Test
    void agreesWithTheReferenceWindowOnRandomCounts() {
        for (int window : new int[] {SlidingWindow.MAX_SIZE, 33, 20}) {
            ReplayStore tested = newStore(window);
            SlidingWindow reference = new SlidingWindow(window);
            Random random = new Random(window);
            long base = 1;
            for (int i = 0; i < 600; i++) {
                base += random.nextInt(4) == 0 ? random.nextInt(100) : 0;
                long nc = base + random.nextInt(70) - 60;
                ReplayVerdict expected = reference.accept(nc) ? FIRST_USE : REPLAYED;
                assertThat(record(tested, "random-" + window, nc)).as("window %d, step %d, nc %d", window, i, nc)
                        .isEqualTo(expected);
            }
        }
    }
}
