package io.authd.lockout;

import io.authd.auth.Decision;
import io.authd.auth.DigestIdentity;
import io.authd.auth.Protocol;
import io.authd.auth.Reason;
import io.authd.config.LockoutOptions;
import io.authd.digest.DigestAlgorithm;
import io.authd.digest.Qop;
import io.authd.metrics.LockoutMetrics;
import io.authd.resilience.CallGuard;
import io.authd.testing.MutableClock;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** SECURITY.md "Lockout store outage": never allow a wrong password, never lock everyone out. */
class LockoutStoreOutageTest {
    private static final Attempt ATTEMPT = new Attempt(Protocol.HTTP, "example.com", "alice", "203.0.113.1");
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void failOpenVerifiesWithoutTheLockoutAndCountsTheError() throws Exception {
        Lockout lockout = lockout(false);

        assertThat(lockout.guard(ATTEMPT, () -> answer(bad())).await(5, TimeUnit.SECONDS).reason())
                .isEqualTo(Reason.BAD_CREDENTIALS);
        assertThat(lockout.guard(ATTEMPT, () -> answer(allow())).await(5, TimeUnit.SECONDS).reason())
                .isEqualTo(Reason.OK);
        assertThat(verifications).hasValue(2);
        assertThat(errors).as("each check, then two failure records (user, address) and one reset").hasValue(5);
        assertThat(lockout.ready()).isTrue();
    }

    @Test
    void failClosedAnswersUnavailableWithoutVerifying() throws Exception {
        Lockout lockout = lockout(true);

        Decision d = lockout.guard(ATTEMPT, () -> answer(allow())).await(5, TimeUnit.SECONDS);

        assertThat(d.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(d.status()).isEqualTo(503);
        assertThat(verifications).hasValue(0);
        assertThat(errors).hasValue(1);
    }

    private Future<Decision> answer(Decision d) {
        verifications.incrementAndGet();
        return Future.succeededFuture(d);
    }

    private static Decision bad() {
        return Decision.challenge(401, Reason.BAD_CREDENTIALS, List.of(), null);
    }

    private static Decision allow() {
        return Decision.allow(new DigestIdentity("alice", "example.com", DigestAlgorithm.SHA_256, Qop.AUTH), List.of());
    }

    private Lockout lockout(boolean failClosed) {
        LockoutOptions d = LockoutOptions.DEFAULTS;
        LockoutOptions options = new LockoutOptions(true, "redis", d.window(), 3, 3, d.baseDuration(), d.factor(),
                d.maxDuration(), failClosed, d.maxEntries(), d.resilience());
        return new Lockout(new DownStore(), CallGuard.none(), options, MutableClock.at("2026-11-23T10:00:00Z"),
                new CountingMetrics());
    }

    private final class CountingMetrics implements LockoutMetrics {
        @Override
        public void storeError() {
            errors.incrementAndGet();
        }
    }

    /** A store whose every call fails, as Redis or PostgreSQL do while down. */
    private static final class DownStore implements LockoutStore {
        @Override
        public Future<Long> lockedUntil(List<String> keys, long now) {
            return Future.failedFuture("store down");
        }

        @Override
        public Future<Long> fail(String key, int threshold, long now) {
            return Future.failedFuture("store down");
        }

        @Override
        public Future<Void> reset(String key) {
            return Future.failedFuture("store down");
        }
    }
}
