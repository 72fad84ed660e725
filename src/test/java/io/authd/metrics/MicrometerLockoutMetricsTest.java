package io.authd.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerLockoutMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerLockoutMetrics metrics = new MicrometerLockoutMetrics(registry);

    @Test
    void failuresAndLockoutsAreCountedByKeyKind() {
        metrics.failureCounted(MeterNames.KEY_USER);
        metrics.failureCounted(MeterNames.KEY_ADDRESS);
        metrics.failureCounted(MeterNames.KEY_ADDRESS);
        metrics.lockedOut(MeterNames.KEY_USER);

        assertThat(registry.get(MeterNames.LOCKOUT_FAILURES).tag("key", "user").counter().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.LOCKOUT_FAILURES).tag("key", "address").counter().count()).isEqualTo(2);
        assertThat(registry.get(MeterNames.LOCKOUTS).tag("key", "user").counter().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.LOCKOUTS).tag("key", "address").counter().count()).isZero();
    }

    @Test
    void storeErrorsAreCounted() {
        metrics.storeError();

        assertThat(registry.get(MeterNames.LOCKOUT_STORE_ERRORS).counter().count()).isEqualTo(1);
    }
}
