package io.authd.limits;

import io.authd.config.LimitsOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final TokenBuckets buckets = new TokenBuckets(new LimitsOptions(2, 3, 100, Duration.ofSeconds(60)),
            now::get);

    @Test
    void aQuietCallerMayMakeABurstThenWaitsForTheRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryAcquire("10.0.0.1")).isZero();
        }

        assertThat(buckets.tryAcquire("10.0.0.1")).as("half a second until the next token at 2/s")
                .isEqualTo(SECOND / 2);
    }

    @Test
    void tokensComeBackAtTheConfiguredRateUpToTheBurst() {
        for (int i = 0; i < 3; i++) {
            buckets.tryAcquire("10.0.0.1");
        }
        now.addAndGet(SECOND / 2);
        assertThat(buckets.tryAcquire("10.0.0.1")).isZero();
        assertThat(buckets.tryAcquire("10.0.0.1")).isPositive();

        now.addAndGet(3600 * SECOND);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryAcquire("10.0.0.1")).isZero();
        }
        assertThat(buckets.tryAcquire("10.0.0.1")).as("never more than the burst").isPositive();
    }

    @Test
    void callersHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            buckets.tryAcquire("10.0.0.1");
        }

        assertThat(buckets.tryAcquire("10.0.0.2")).isZero();
    }

    @Test
    void atMostMaxCallersAreTracked() {
        for (int i = 0; i < 1000; i++) {
            buckets.tryAcquire("10.0." + (i / 256) + "." + (i % 256));
        }

        assertThat(buckets.size()).isEqualTo(100);
    }
}
