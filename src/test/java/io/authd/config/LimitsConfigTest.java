package io.authd.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.authd.config.Configs.problems;
import static org.assertj.core.api.Assertions.assertThat;

class LimitsConfigTest {

    @Test
    void rateLimitIsOffByDefaultAndTheIdleTimeoutIsAMinute() {
        assertThat(LimitsOptions.DEFAULTS.requestsPerSecond()).isZero();
        assertThat(LimitsOptions.DEFAULTS.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void badValuesAreNamedByTheirKey() {
        assertThat(problems("limits:\n  requestsPerSecond: -1\n  burst: 0\n  maxCallers: 0\n  idleTimeout: 0s\n"))
                .contains("limits.requestsPerSecond: must be 0 (no limit) or more, got -1")
                .contains("limits.burst: must be at least 1, got 0")
                .contains("limits.maxCallers: must be at least 1, got 0")
                .contains("limits.idleTimeout: must be at least 1ms, got 'PT0S'");
    }
}
