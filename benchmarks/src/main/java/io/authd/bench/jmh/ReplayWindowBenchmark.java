package io.authd.bench.jmh;

import io.authd.config.ReplayOptions;
import io.authd.digest.DigestAlgorithm;
import io.authd.nonce.NonceKeyRing;
import io.authd.nonce.NonceService;
import io.authd.replay.MemoryReplayStore;
import io.authd.replay.ReplayVerdict;
import io.authd.replay.SlidingWindow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The memory replay store ({@link MemoryReplayStore}, {@code replay.store: memory}, default window and size), as
 * a verification calls it: {@code record} and the verdict of its (already completed) future, which is what the
 * event loop pays. {@link #firstUse}: a nonce the store has not seen (a new entry and window); {@link #nextCount}:
 * the next nonce-count of a known nonce; {@link #replayed}: a count used before. {@link #window}: the
 * {@link SlidingWindow} alone. {@link #baseline}: a {@link ConcurrentHashMap#merge} on the same key, the cheapest
 * thread-safe "have I seen this" there is.
 *
 * <p>{@code firstUse} takes its nonces from a ring of {@value #RING} minted ones, and starts over on a fresh store
 * when the ring is used up (one store per {@value #RING} calls), so every call is a first use.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReplayWindowBenchmark {
    static final int RING = 1 << 16;
    private static final long LIFETIME_MILLIS = 300_000;

    private final String[] fresh = new String[RING];
    private int next;
    private String known;
    private long expiresAt;
    private long nc;
    private MemoryReplayStore store;
    private SlidingWindow window;
    private final ConcurrentHashMap<String, Long> map = new ConcurrentHashMap<>();

    @Setup(Level.Trial)
    public void nonces() {
        NonceService nonces = new NonceService(NonceKeyRing.generate(), InstantSource.system());
        for (int i = 0; i < RING; i++) {
            fresh[i] = nonces.mint(AuthdFixture.REALM, DigestAlgorithm.MD5, null);
        }
        known = nonces.mint(AuthdFixture.REALM, DigestAlgorithm.MD5, null);
    }

    @Setup(Level.Iteration)
    public void store() {
        expiresAt = System.currentTimeMillis() + LIFETIME_MILLIS;
        startOver();
        nc = 1;
        store.recordNow(known, nc, expiresAt);
        window = new SlidingWindow(ReplayOptions.DEFAULTS.window());
    }

    @Benchmark
    public ReplayVerdict firstUse() {
        if (next == RING) {
            startOver();
        }
        return store.record(fresh[next++], 1, expiresAt).result();
    }

    @Benchmark
    public ReplayVerdict nextCount() {
        return store.record(known, ++nc, expiresAt).result();
    }

    @Benchmark
    public ReplayVerdict replayed() {
        return store.record(known, 1, expiresAt).result();
    }

    @Benchmark
    public boolean window() {
        return window.accept(++nc);
    }

    @Benchmark
    public Long baseline() {
        return map.merge(known, 1L, Long::sum);
    }

    private void startOver() {
        next = 0;
        store = new MemoryReplayStore(ReplayOptions.DEFAULTS.window(), ReplayOptions.DEFAULTS.maxEntries(),
                InstantSource.system());
    }
}
