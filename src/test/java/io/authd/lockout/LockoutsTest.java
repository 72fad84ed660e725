package io.authd.lockout;

import io.authd.auth.Decision;
import io.authd.auth.Protocol;
import io.authd.auth.Reason;
import io.authd.config.LockoutOptions;
import io.authd.config.ReplayOptions;
import io.authd.metrics.LockoutMetrics;
import io.authd.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The lockout the configuration asks for. */
class LockoutsTest {
    private static final Attempt ATTEMPT = new Attempt(Protocol.HTTP, "example.com", "alice", "203.0.113.1");
    private static final Decision BAD = Decision.challenge(401, Reason.BAD_CREDENTIALS, List.of(), null);
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void disabledLockoutNeverRefuses() throws Exception {
        Lockout lockout = create(false);

        assertThat(failures(lockout, 50)).containsOnly(Reason.BAD_CREDENTIALS);
    }

    @Test
    void enabledMemoryLockoutRefusesPastTheThreshold() throws Exception {
        Lockout lockout = create(true);

        assertThat(failures(lockout, 11)).endsWith(Reason.LOCKED_OUT).contains(Reason.BAD_CREDENTIALS);
    }

    private Lockout create(boolean enabled) throws Exception {
        LockoutOptions d = LockoutOptions.DEFAULTS;
        LockoutOptions options = new LockoutOptions(enabled, "memory", d.window(), d.userThreshold(),
                d.addressThreshold(), d.baseDuration(), d.factor(), d.maxDuration(), d.failClosed(), d.maxEntries(),
                d.resilience());
        return Lockouts.create(vertx, options, ReplayOptions.DEFAULTS, MutableClock.at("2026-11-23T10:00:00Z"),
                LockoutMetrics.NONE).await(10, TimeUnit.SECONDS);
    }

    private static List<Reason> failures(Lockout lockout, int times) throws Exception {
        Reason[] reasons = new Reason[times];
        for (int i = 0; i < times; i++) {
            reasons[i] = lockout.guard(ATTEMPT, () -> Future.succeededFuture(BAD)).await(5, TimeUnit.SECONDS).reason();
        }
        return List.of(reasons);
    }
}
