package io.authd.resilience;

import io.authd.config.ResilienceOptions;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A {@link CallGuard} of resilience4j's bulkhead and circuit breaker, driven by hand around Vert.x futures
 * (resilience4j's own decorators want blocking calls or CompletionStages), plus a time limit on a Vert.x timer.
 *
 * <p>A call first takes a bulkhead permit, then a breaker permission; a refusal fails at once. The time limit
 * ({@link Timeouts}) fails the call with a {@link java.util.concurrent.TimeoutException}, which the breaker
 * counts as an error; the call may still finish later and its result is ignored. The bulkhead permit is
 * given back when the caller gets its answer, timeout included: it bounds the lookups waiting on the store,
 * and a call the store never answers must not hold a permit forever (the database's own statement timeout
 * bounds the work left behind).
 */
public final class ResilientCallGuard implements CallGuard {
    /** Trial calls once the breaker has been open for openDuration: a few, so one lucky call cannot close it. */
    private static final int HALF_OPEN_CALLS = 3;
    private static final long NO_TIME_LIMIT = 0;

    private final Vertx vertx;
    private final long timeoutMillis;
    private final String timeoutMessage;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;

    private ResilientCallGuard(Vertx vertx, String name, long timeoutMillis, CircuitBreaker breaker,
                               Bulkhead bulkhead) {
        this.vertx = vertx;
        this.timeoutMillis = timeoutMillis;
        this.timeoutMessage = name + ": no answer within " + timeoutMillis + " ms";
        this.breaker = breaker;
        this.bulkhead = bulkhead;
    }

    /** @param name names the store in errors and metrics, e.g. {@code credential store} */
    public static ResilientCallGuard create(Vertx vertx, String name, ResilienceOptions options, Duration timeout) {
        if (timeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeout must be at least 1ms (a Vert.x timer), got " + timeout);
        }
        return build(vertx, name, options, timeout.toMillis());
    }

    /**
     * A guard for calls that keep their own time limit (the replay stores time out each command themselves): a
     * second timer per call would only do the same work twice. Their timeouts still count against the breaker,
     * since they arrive as failures.
     */
    public static ResilientCallGuard forSelfTimedCalls(Vertx vertx, String name, ResilienceOptions options) {
        return build(vertx, name, options, NO_TIME_LIMIT);
    }

    private static ResilientCallGuard build(Vertx vertx, String name, ResilienceOptions options, long timeoutMillis) {
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(options.slidingWindowSize())
                .minimumNumberOfCalls(options.minimumCalls())
                .failureRateThreshold(options.failureRateThreshold())
                .waitDurationInOpenState(options.openDuration())
                .permittedNumberOfCallsInHalfOpenState(HALF_OPEN_CALLS)
                // Half-open when the wait is over even if no call comes: a replica reported unready while
                // open gets no traffic, so waiting for a call to move it on would keep it out for good.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
        BulkheadConfig bulkheadConfig = BulkheadConfig.custom()
                .maxConcurrentCalls(options.maxConcurrent())
                .maxWaitDuration(Duration.ZERO) // never wait for a permit: callers are event loops
                .build();
        return new ResilientCallGuard(vertx, name, timeoutMillis, CircuitBreaker.of(name, breakerConfig),
                Bulkhead.of(name, bulkheadConfig));
    }

    @Override
    public <T> Future<T> call(Supplier<Future<T>> call) {
        if (!bulkhead.tryAcquirePermission()) {
            return Future.failedFuture(BulkheadFullException.createBulkheadFullException(bulkhead));
        }
        if (!breaker.tryAcquirePermission()) {
            bulkhead.releasePermission(); // nothing ran
            return Future.failedFuture(CallNotPermittedException.createCallNotPermittedException(breaker));
        }
        long start = breaker.getCurrentTimestamp();
        // andThen: the caller sees the answer only once the permit is given back and the breaker told.
        Future<T> started = Calls.start(call);
        Future<T> bounded = timeoutMillis == NO_TIME_LIMIT ? started
                : Timeouts.within(vertx, started, timeoutMillis, timeoutMessage);
        return bounded.andThen((result, failure) -> finished(start, failure));
    }

    @Override
    public boolean available() {
        CircuitBreaker.State state = breaker.getState();
        return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }

    /** The breaker's state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}...), for health and logs. */
    public String state() {
        return breaker.getState().name();
    }

    public CircuitBreaker circuitBreaker() {
        return breaker;
    }

    public Bulkhead bulkhead() {
        return bulkhead;
    }

    private void finished(long start, Throwable failure) {
        long elapsed = breaker.getCurrentTimestamp() - start;
        if (failure == null) {
            breaker.onSuccess(elapsed, breaker.getTimestampUnit());
        } else {
            breaker.onError(elapsed, breaker.getTimestampUnit(), failure);
        }
        bulkhead.onComplete();
    }
}
