package io.authd.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.authd.config.Configs.problems;
import static org.assertj.core.api.Assertions.assertThat;

/** The lockout section: defaults that protect a single replica, and every bad value named by its key. */
class LockoutConfigTest {

    @Test
    void defaultsCountUsersAndAddressesInMemory() {
        LockoutOptions d = LockoutOptions.DEFAULTS;

        assertThat(d.enabled()).isTrue();
        assertThat(d.store()).isEqualTo("memory");
        assertThat(d.failClosed()).isFalse();
        assertThat(d.userThreshold()).isPositive();
        assertThat(d.addressThreshold()).isGreaterThan(d.userThreshold());
    }

    @Test
    void unknownStoreIsNamed() {
        assertThat(problems("lockout:\n  store: etcd\n"))
                .isEqualTo("lockout.store: unsupported store 'etcd' (supported: memory, redis, postgres)");
    }

    @Test
    void negativeThresholdsAreRefused() {
        assertThat(problems("lockout:\n  userThreshold: -1\n  addressThreshold: -2\n"))
                .contains("lockout.userThreshold: must be 0 (off) or more, got -1")
                .contains("lockout.addressThreshold: must be 0 (off) or more, got -2");
    }

    @Test
    void durationsShorterThanASecondAreRefusedBecauseRetryAfterCountsSeconds() {
        assertThat(problems("lockout:\n  baseDuration: 500ms\n"))
                .startsWith("lockout.baseDuration: must be at least 1s, got 'PT0.5S'");
    }

    @Test
    void maxDurationBelowBaseDurationIsRefused() {
        assertThat(problems("lockout:\n  baseDuration: 1m\n  maxDuration: 30s\n"))
                .isEqualTo("lockout.maxDuration: must be at least baseDuration (PT1M), got 'PT30S'");
    }

    @Test
    void factorBelowOneWouldShortenLockoutsAndIsRefused() {
        assertThat(problems("lockout:\n  factor: 0.5\n")).isEqualTo("lockout.factor: must be 1..100, got 0.5");
    }

    @Test
    void shortWindowsLoadForTests() {
        LockoutOptions o = Configs.load("lockout:\n  window: 2s\n  baseDuration: 1s\n  maxDuration: 1s\n").lockout();

        assertThat(o.window()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.maxDuration()).isEqualTo(o.baseDuration());
    }
}
