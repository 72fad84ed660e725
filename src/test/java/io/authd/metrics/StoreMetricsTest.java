package io.authd.metrics;

import io.authd.nonce.NonceService;
import io.authd.replay.MemoryReplayStore;
import io.authd.digest.DigestAlgorithm;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Store meters read the stores' own counters when scraped: nothing is counted twice. */
class StoreMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StoreMetrics stores = new StoreMetrics(registry);
    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");

    @Test
    void mintedNoncesAreReadFromTheNonceService() {
        NonceService nonces = new NonceService(TestKeys.ring(1), clock);
        stores.nonces(nonces);
        nonces.mint("example.com", DigestAlgorithm.MD5, null);
        nonces.mint("example.com", DigestAlgorithm.SHA_256, null);

        assertThat(registry.get(MeterNames.NONCES).tag("event", "minted").functionCounter().count()).isEqualTo(2);
    }

    @Test
    void memoryReplayStoreEvictionsAndEntriesAreReadFromTheStore() {
        MemoryReplayStore memory = new MemoryReplayStore(64, 2, clock);
        stores.replay(memory);
        long expires = clock.millis() + 60_000;
        for (String nonce : new String[] {"a", "b", "c"}) {
            memory.recordNow(nonce, 1, expires);
        }

        assertThat(registry.get(MeterNames.REPLAY_STORE_EVICTIONS).tag("store", "memory").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get(MeterNames.REPLAY_STORE_ENTRIES).tag("store", "memory").gauge().value()).isEqualTo(2);
    }
}
