package io.authd.replay;

import io.authd.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryReplayStoreTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");

    private long in(Duration d) {
        return clock.millis() + d.toMillis();
    }

    @Test
    void nonceCountIsFirstUseOnceAndReplayedAfter() {
        var store = new MemoryReplayStore(64, 1_000, clock);
        assertThat(store.record("n1", 1, in(Duration.ofMinutes(5))).result()).isEqualTo(ReplayVerdict.FIRST_USE);
        assertThat(store.record("n1", 1, in(Duration.ofMinutes(5))).result()).isEqualTo(ReplayVerdict.REPLAYED);
        assertThat(store.record("n2", 1, in(Duration.ofMinutes(5))).result()).isEqualTo(ReplayVerdict.FIRST_USE);
    }

    @Test
    void entriesLiveOnlyAsLongAsTheirNonce() {
        var store = new MemoryReplayStore(64, 1_000, clock);
        store.recordNow("n1", 1, in(Duration.ofMinutes(5)));
        store.recordNow("n2", 1, in(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(6));
        store.recordNow("n3", 1, in(Duration.ofMinutes(5)));
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void overTheCapTheOldestAreDroppedAndTheirNoncesRefused() {
        var store = new MemoryReplayStore(64, 1_000, clock);
        for (int i = 0; i < 1_001; i++) {
            store.recordNow("n" + i, 1, in(Duration.ofSeconds(300 + i)));
        }
        assertThat(store.size()).isEqualTo(1_000);
        assertThat(store.evictions()).isEqualTo(1);
        assertThat(store.recordNow("n0", 2, in(Duration.ofSeconds(300))))
                .as("state of n0 was dropped: refuse rather than forget its used counts").isFalse();
        assertThat(store.recordNow("fresh", 1, in(Duration.ofSeconds(2_000)))).isTrue();
    }

    @Test
    void concurrentRecordersAcceptEachCountExactlyOnce() throws InterruptedException {
        var store = new MemoryReplayStore(64, 1_000, clock);
        var accepted = new java.util.concurrent.atomic.AtomicInteger();
        Runnable worker = () -> {
            for (int nc = 1; nc <= 5_000; nc++) {
                if (store.recordNow("shared", nc, in(Duration.ofMinutes(5)))) {
                    accepted.incrementAndGet();
                }
            }
        };
        Thread a = new Thread(worker);
        Thread b = new Thread(worker);
        a.start();
        b.start();
        a.join();
        b.join();
        assertThat(accepted.get()).isEqualTo(5_000);
    }
}
