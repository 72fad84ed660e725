package io.authd.metrics;

import io.authd.auth.ApiSurface;
import io.authd.auth.Decision;
import io.authd.auth.DigestIdentity;
import io.authd.auth.Protocol;
import io.authd.auth.Reason;
import io.authd.digest.DigestAlgorithm;
import io.authd.digest.Qop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerAuthMetricsTest {
    private static final Decision ALLOW = Decision.allow(
            new DigestIdentity("alice", "example.com", DigestAlgorithm.SHA_256, Qop.AUTH), List.of());
    private static final Decision REPLAYED = Decision.challenge(401, Reason.REPLAYED_NONCE, List.of(), null);
    private static final Decision MISSING = Decision.challenge(401, Reason.MISSING_CREDENTIALS, List.of(), null);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerAuthMetrics metrics = new MicrometerAuthMetrics(registry);

    @Test
    void decisionIsCountedUnderEveryTag() {
        metrics.verified(ApiSurface.GRPC, Protocol.SIP, Scheme.DIGEST, DigestAlgorithm.MD5_SESS, ALLOW, 1_000);

        Counter c = registry.get(MeterNames.DECISIONS).tag("api", "grpc").tag("protocol", "sip")
                .tag("scheme", "digest").tag("algorithm", "MD5-sess").tag("outcome", "allow").tag("reason", "ok")
                .counter();
        assertThat(c.count()).isEqualTo(1);
    }

    @Test
    void missingAlgorithmIsTaggedNone() {
        metrics.verified(ApiSurface.FORWARD_AUTH, Protocol.HTTP, Scheme.NONE, null, MISSING, 1_000);

        assertThat(registry.get(MeterNames.DECISIONS).tag("algorithm", "none").tag("scheme", "none")
                .tag("reason", "missing_credentials").counter().count()).isEqualTo(1);
    }

    @Test
    void metersAreRegisteredOnFirstUseOnlyAndReusedAfter() {
        assertThat(registry.find(MeterNames.DECISIONS).meters()).isEmpty();
        assertThat(registry.find(MeterNames.VERIFY_DURATION).meters()).isEmpty();

        metrics.verified(ApiSurface.JSON, Protocol.HTTP, Scheme.DIGEST, DigestAlgorithm.SHA_256, ALLOW, 1_000);
        int afterFirst = registry.getMeters().size();
        metrics.verified(ApiSurface.JSON, Protocol.HTTP, Scheme.DIGEST, DigestAlgorithm.SHA_256, ALLOW, 2_000);

        assertThat(registry.getMeters()).hasSize(afterFirst);
        assertThat(registry.get(MeterNames.DECISIONS).counters()).hasSize(1);
        assertThat(registry.get(MeterNames.DECISIONS).counter().count()).isEqualTo(2);
        assertThat(registry.get(MeterNames.VERIFY_DURATION).timers()).hasSize(1);
        assertThat(registry.get(MeterNames.VERIFY_DURATION).timer().count()).isEqualTo(2);
    }

    @Test
    void replayedNonceIsADecisionAndANonceEvent() {
        metrics.verified(ApiSurface.JSON, Protocol.HTTP, Scheme.DIGEST, DigestAlgorithm.MD5, REPLAYED, 1_000);

        assertThat(registry.get(MeterNames.NONCES).tag("event", "replayed").counter().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.NONCES).tag("event", "stale").counter().count()).isZero();
        assertThat(registry.get(MeterNames.DECISIONS).tag("reason", "replayed_nonce").counter().count()).isEqualTo(1);
    }

    @Test
    void verifyLatencyLandsInTheSloBucketsByOutcome() {
        metrics.verified(ApiSurface.JSON, Protocol.HTTP, Scheme.DIGEST, DigestAlgorithm.MD5, ALLOW,
                TimeUnit.MICROSECONDS.toNanos(80));

        Timer t = registry.get(MeterNames.VERIFY_DURATION).tag("outcome", "allow").tag("api", "json").timer();
        CountAtBucket[] buckets = t.takeSnapshot().histogramCounts();
        assertThat(Arrays.stream(buckets).map(b -> (long) b.bucket(TimeUnit.NANOSECONDS)))
                .containsExactly(50_000L, 100_000L, 250_000L, 500_000L, 1_000_000L, 2_500_000L, 5_000_000L,
                        10_000_000L, 25_000_000L, 50_000_000L, 100_000_000L, 250_000_000L, 1_000_000_000L);
        assertThat(buckets[0].count()).isZero();
        assertThat(buckets[1].count()).isEqualTo(1);
    }

    @Test
    void challengeLatencyIsTimedByApiAndProtocol() {
        metrics.challenged(ApiSurface.JSON, Protocol.SIP, 5_000);

        assertThat(registry.get(MeterNames.CHALLENGE_DURATION).tag("api", "json").tag("protocol", "sip").timer()
                .count()).isEqualTo(1);
    }

    @Test
    void everyTagCombinationGetsItsOwnCounter() {
        for (ApiSurface api : ApiSurface.values()) {
            for (Protocol protocol : Protocol.values()) {
                for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
                    metrics.verified(api, protocol, Scheme.DIGEST, algorithm, ALLOW, 1);
                    metrics.verified(api, protocol, Scheme.DIGEST, algorithm, REPLAYED, 1);
                }
            }
        }

        int combinations = ApiSurface.values().length * Protocol.values().length * DigestAlgorithm.values().length * 2;
        assertThat(registry.find(MeterNames.DECISIONS).counters()).hasSize(combinations)
                .allSatisfy(c -> assertThat(c.count()).isEqualTo(1));
    }
}
