package io.authd.metrics;

import io.authd.auth.ApiSurface;
import io.authd.auth.Decision;
import io.authd.auth.Outcome;
import io.authd.auth.Protocol;
import io.authd.auth.Reason;
import io.authd.digest.DigestAlgorithm;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link AuthMetrics} on a Micrometer registry. Counters and timers are found by arithmetic over the tags'
 * enum ordinals ({@link LazyMeters}), so recording a decision builds no tags and allocates nothing once the
 * combination has been seen.
 *
 * <p>Latency histograms have fixed buckets ({@link #LATENCY_BUCKETS}) rather than percentiles computed in the
 * process: buckets add up across replicas, so Prometheus's {@code histogram_quantile} gives the fleet's p99,
 * and the bounds sit where authd's SLOs do (a verification takes tens of microseconds without a database,
 * about a millisecond with one).
 */
public final class MicrometerAuthMetrics implements AuthMetrics {
    /** Upper bounds of the latency buckets (the {@code le} label), 50µs to 1s. */
    public static final Duration[] LATENCY_BUCKETS = {
            micros(50), micros(100), micros(250), micros(500), millis(1), micros(2500), millis(5), millis(10),
            millis(25), millis(50), millis(100), millis(250), millis(1000)};

    private static final ApiSurface[] APIS = ApiSurface.values();
    private static final Protocol[] PROTOCOLS = Protocol.values();
    private static final Scheme[] SCHEMES = Scheme.values();
    private static final DigestAlgorithm[] ALGORITHMS = DigestAlgorithm.values();
    /** One more than the algorithms: the last index stands for "no algorithm". */
    private static final int ALGORITHM_SLOTS = ALGORITHMS.length + 1;
    private static final Reason[] REASONS = Reason.values();
    private static final Outcome[] OUTCOMES = Outcome.values();

    private final MeterRegistry registry;
    private final LazyMeters<Counter> decisions;
    private final LazyMeters<Timer> verifyTimers;
    private final LazyMeters<Timer> challengeTimers;
    private final Map<Reason, Counter> nonceEvents = new EnumMap<>(Reason.class);

    public MicrometerAuthMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.decisions = new LazyMeters<>(APIS.length * PROTOCOLS.length * SCHEMES.length * ALGORITHM_SLOTS
                * REASONS.length * OUTCOMES.length, this::registerDecisionCounter);
        this.verifyTimers = new LazyMeters<>(APIS.length * PROTOCOLS.length * OUTCOMES.length, this::registerVerifyTimer);
        this.challengeTimers = new LazyMeters<>(APIS.length * PROTOCOLS.length, this::registerChallengeTimer);
        // The nonce problems a client can cause, told apart from the rest of the decisions for the nonce panel.
        nonceEvents.put(Reason.STALE_NONCE, nonceCounter(registry, "stale"));
        nonceEvents.put(Reason.REPLAYED_NONCE, nonceCounter(registry, "replayed"));
        nonceEvents.put(Reason.INVALID_NONCE, nonceCounter(registry, "invalid"));
    }

    @Override
    public void verified(ApiSurface api, Protocol protocol, Scheme scheme, DigestAlgorithm algorithm,
                         Decision decision, long nanos) {
        int algorithmSlot = algorithm == null ? ALGORITHMS.length : algorithm.ordinal();
        int surface = api.ordinal() * PROTOCOLS.length + protocol.ordinal();
        int index = (((surface * SCHEMES.length + scheme.ordinal()) * ALGORITHM_SLOTS + algorithmSlot)
                * REASONS.length + decision.reason().ordinal()) * OUTCOMES.length + decision.outcome().ordinal();
        decisions.get(index).increment();
        verifyTimers.get(surface * OUTCOMES.length + decision.outcome().ordinal()).record(nanos, TimeUnit.NANOSECONDS);
        Counter nonce = nonceEvents.get(decision.reason());
        if (nonce != null) {
            nonce.increment();
        }
    }

    @Override
    public void challenged(ApiSurface api, Protocol protocol, long nanos) {
        challengeTimers.get(api.ordinal() * PROTOCOLS.length + protocol.ordinal()).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Counter registerDecisionCounter(int index) {
        Outcome outcome = OUTCOMES[index % OUTCOMES.length];
        index /= OUTCOMES.length;
        Reason reason = REASONS[index % REASONS.length];
        index /= REASONS.length;
        int algorithmSlot = index % ALGORITHM_SLOTS;
        index /= ALGORITHM_SLOTS;
        Scheme scheme = SCHEMES[index % SCHEMES.length];
        index /= SCHEMES.length;
        return Counter.builder(MeterNames.DECISIONS)
                .description("Verification decisions")
                .tag(MeterNames.API, APIS[index / PROTOCOLS.length].tag())
                .tag(MeterNames.PROTOCOL, PROTOCOLS[index % PROTOCOLS.length].wireName())
                .tag(MeterNames.SCHEME, scheme.tag())
                .tag(MeterNames.ALGORITHM, algorithmSlot == ALGORITHMS.length ? MeterNames.NO_ALGORITHM
                        : ALGORITHMS[algorithmSlot].token())
                .tag(MeterNames.OUTCOME, outcome.wireName())
                .tag(MeterNames.REASON, reason.code())
                .register(registry);
    }

    private Timer registerVerifyTimer(int index) {
        int surface = index / OUTCOMES.length;
        return latency(MeterNames.VERIFY_DURATION, "Time from a verify request to its decision, store calls included",
                surface)
                .tag(MeterNames.OUTCOME, OUTCOMES[index % OUTCOMES.length].wireName())
                .register(registry);
    }

    private Timer registerChallengeTimer(int surface) {
        return latency(MeterNames.CHALLENGE_DURATION, "Time to mint a challenge", surface).register(registry);
    }

    private static Timer.Builder latency(String name, String description, int surface) {
        return Timer.builder(name).description(description)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .tag(MeterNames.API, APIS[surface / PROTOCOLS.length].tag())
                .tag(MeterNames.PROTOCOL, PROTOCOLS[surface % PROTOCOLS.length].wireName());
    }

    private static Counter nonceCounter(MeterRegistry registry, String event) {
        return Counter.builder(MeterNames.NONCES).description("Nonces minted, and returned stale, replayed or invalid")
                .tag(MeterNames.EVENT, event).register(registry);
    }

    private static Duration micros(long n) {
        return Duration.ofNanos(n * 1000);
    }

    private static Duration millis(long n) {
        return Duration.ofMillis(n);
    }
}
