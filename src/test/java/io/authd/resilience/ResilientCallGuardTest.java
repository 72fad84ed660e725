package io.authd.resilience;

import io.authd.config.ResilienceOptions;
import io.authd.testing.Poll;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.authd.testing.Completed.failure;
import static io.authd.testing.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

/** The breaker, bulkhead and time limit around calls that answer with Vert.x futures. */
class ResilientCallGuardTest {
    private static final String NAME = "credential store";
    private static final Duration OPEN_FOR = Duration.ofMillis(50);
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Opens at 50% failures over the last 4 calls, once 4 were made; 2 calls at a time. */
    private static final ResilienceOptions OPTIONS = new ResilienceOptions(50, 4, 4, OPEN_FOR, 2);
    private static final int MAX_CONCURRENT = OPTIONS.maxConcurrent();

    private static Vertx vertx;

    private final ResilientCallGuard guard = ResilientCallGuard.create(vertx, NAME, OPTIONS, Duration.ofSeconds(10));
    private final AtomicInteger invoked = new AtomicInteger();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    @Test
    void breakerOpensOnceTheFailureRateReachesTheThresholdOverMinimumCalls() {
        guard.call(succeeding());
        guard.call(failing());
        guard.call(failing());
        assertThat(guard.state()).as("3 calls are fewer than minimumCalls").isEqualTo("CLOSED");

        guard.call(succeeding());

        assertThat(guard.state()).as("2 failures in 4 calls is 50%").isEqualTo("OPEN");
        assertThat(guard.available()).isFalse();
    }

    @Test
    void selfTimedCallsAreNotTimedOutByTheGuardButTheirOwnTimeoutsOpenTheBreaker() {
        ResilientCallGuard selfTimed = ResilientCallGuard.forSelfTimedCalls(vertx, NAME, OPTIONS);
        Promise<String> slow = Promise.promise();
        Future<String> pending = selfTimed.call(() -> slow.future());
        vertx.timer(100).await(); // far past any timer a guard could have set for it
        assertThat(pending.isComplete()).as("only the call itself ends a self-timed call").isFalse();
        slow.complete("late but fine");
        assertThat(value(pending)).isEqualTo("late but fine");

        for (int i = 0; i < OPTIONS.minimumCalls(); i++) {
            selfTimed.call(() -> Future.<String>failedFuture(new TimeoutException("the store's own timeout")));
        }

        assertThat(selfTimed.state()).isEqualTo("OPEN");
    }

    @Test
    void breakerStaysClosedBelowTheThreshold() {
        guard.call(failing());
        for (int i = 0; i < 10; i++) {
            guard.call(succeeding());
        }

        assertThat(guard.state()).isEqualTo("CLOSED");
        assertThat(guard.available()).isTrue();
    }

    @Test
    void openBreakerRefusesWithoutRunningTheCall() {
        open();
        invoked.set(0);

        Future<String> refused = guard.call(succeeding());

        assertThat(failure(refused)).isInstanceOf(CallNotPermittedException.class).hasMessageContaining(NAME);
        assertThat(invoked).hasValue(0);
        assertThat(permitsInUse()).isZero();
    }

    @Test
    void trialCallsThatSucceedAfterOpenDurationCloseTheBreaker() {
        open();

        Poll.until(WAIT, "half-open after " + OPEN_FOR.toMillis() + " ms", guard::available);
        assertThat(guard.state()).isEqualTo("HALF_OPEN");
        for (int i = 0; i < 3; i++) {
            assertThat(value(guard.call(succeeding()))).isEqualTo("ok");
        }

        assertThat(guard.state()).isEqualTo("CLOSED");
    }

    @Test
    void trialCallsThatFailOpenTheBreakerAgain() {
        open();
        Poll.until(WAIT, "half-open after " + OPEN_FOR.toMillis() + " ms", guard::available);

        for (int i = 0; i < 3; i++) {
            guard.call(failing());
        }

        assertThat(guard.state()).isEqualTo("OPEN");
    }

    @Test
    void fullBulkheadRefusesAtOnceAndTheCallDoesNotRun() {
        List<Promise<String>> held = new ArrayList<>();
        for (int i = 0; i < MAX_CONCURRENT; i++) {
            guard.call(holding(held));
        }

        Future<String> refused = guard.call(succeeding());

        assertThat(failure(refused)).isInstanceOf(BulkheadFullException.class).hasMessageContaining(NAME);
        assertThat(invoked).hasValue(MAX_CONCURRENT);
        held.forEach(p -> p.complete("ok"));
        assertThat(permitsInUse()).isZero();
        assertThat(value(guard.call(succeeding()))).isEqualTo("ok");
    }

    @Test
    void bulkheadPermitIsGivenBackWhateverTheCallsEnd() {
        ResilientCallGuard quick = ResilientCallGuard.create(vertx, NAME, OPTIONS, Duration.ofMillis(20));
        List<Supplier<Future<String>>> endings = List.of(succeeding(), failing(), throwing(),
                () -> Promise.<String>promise().future()); // never answers: ends by the timeout

        for (Supplier<Future<String>> ending : endings) {
            Future<String> call = quick.call(ending);
            Poll.until(WAIT, "the call ends", call::isComplete);
            assertThat(quick.bulkhead().getMetrics().getAvailableConcurrentCalls()).isEqualTo(MAX_CONCURRENT);
        }
    }

    @Test
    void callWithoutAnswerWithinTheTimeoutFailsAndCountsAsAnError() {
        ResilientCallGuard quick = ResilientCallGuard.create(vertx, NAME, OPTIONS, Duration.ofMillis(20));
        Promise<String> late = Promise.promise();

        Future<String> call = quick.call(() -> late.future());
        Poll.until(WAIT, "the timeout", call::isComplete);
        late.complete("too late");

        assertThat(failure(call)).isInstanceOf(TimeoutException.class)
                .hasMessage("credential store: no answer within 20 ms");
        assertThat(quick.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(quick.circuitBreaker().getMetrics().getNumberOfSuccessfulCalls()).isZero();
    }

    @Test
    void callThatThrowsIsAFailedFutureAndAnError() {
        Future<String> call = guard.call(throwing());

        assertThat(failure(call)).isInstanceOf(IllegalStateException.class).hasMessage("bug");
        assertThat(guard.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void callThatReturnsNoFutureIsAFailedFuture() {
        Future<String> call = guard.call(() -> null);

        assertThat(failure(call)).isInstanceOf(NullPointerException.class);
        assertThat(permitsInUse()).isZero();
    }

    private void open() {
        for (int i = 0; i < OPTIONS.minimumCalls(); i++) {
            guard.call(failing());
        }
        assertThat(guard.state()).isEqualTo("OPEN");
    }

    private int permitsInUse() {
        return MAX_CONCURRENT - guard.bulkhead().getMetrics().getAvailableConcurrentCalls();
    }

    private Supplier<Future<String>> succeeding() {
        return () -> {
            invoked.incrementAndGet();
            return Future.succeededFuture("ok");
        };
    }

    private Supplier<Future<String>> failing() {
        return () -> {
            invoked.incrementAndGet();
            return Future.failedFuture(new IllegalStateException("database down"));
        };
    }

    private Supplier<Future<String>> throwing() {
        return () -> {
            invoked.incrementAndGet();
            throw new IllegalStateException("bug");
        };
    }

    private Supplier<Future<String>> holding(List<Promise<String>> held) {
        return () -> {
            invoked.incrementAndGet();
            Promise<String> promise = Promise.promise();
            held.add(promise);
            return promise.future();
        };
    }
}
