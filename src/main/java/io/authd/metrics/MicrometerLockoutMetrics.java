package io.authd.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;

/** {@link LockoutMetrics} on a Micrometer registry; the two key kinds are known up front, so nothing is looked up. */
final class MicrometerLockoutMetrics implements LockoutMetrics {
    private final Map<String, Counter> failures;
    private final Map<String, Counter> lockouts;
    private final Counter storeErrors;

    MicrometerLockoutMetrics(MeterRegistry registry) {
        this.failures = perKind(registry, MeterNames.LOCKOUT_FAILURES);
        this.lockouts = perKind(registry, MeterNames.LOCKOUTS);
        this.storeErrors = Counter.builder(MeterNames.LOCKOUT_STORE_ERRORS).register(registry);
    }

    private static Map<String, Counter> perKind(MeterRegistry registry, String name) {
        return Map.of(MeterNames.KEY_USER, Counter.builder(name).tag(MeterNames.KEY, MeterNames.KEY_USER).register(registry),
                MeterNames.KEY_ADDRESS, Counter.builder(name).tag(MeterNames.KEY, MeterNames.KEY_ADDRESS).register(registry));
    }

    @Override
    public void failureCounted(String kind) {
        failures.get(kind).increment();
    }

    @Override
    public void lockedOut(String kind) {
        lockouts.get(kind).increment();
    }

    @Override
    public void storeError() {
        storeErrors.increment();
    }
}
