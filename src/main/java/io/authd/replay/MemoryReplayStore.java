package io.authd.replay;

import io.vertx.core.Future;

import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replay state in this process: right for one replica, wrong for several (a count used on one replica
 * would be accepted on another; use a shared store there).
 *
 * <p>Memory is bounded twice: an entry lives only as long as its nonce, and past {@code maxEntries} the
 * oldest entries are dropped first. Forgetting a live nonce must not reopen it to replays, so the store
 * keeps the latest expiry it dropped and refuses every nonce that expires no later and has no state: such
 * a client is challenged with a fresh nonce (fail closed). Evictions are counted so an operator sees when
 * the cap is too small for the request rate times the nonce lifetime.
 */
public final class MemoryReplayStore implements ReplayStore {
    private static final Future<ReplayVerdict> FIRST_USE = Future.succeededFuture(ReplayVerdict.FIRST_USE);
    private static final Future<ReplayVerdict> REPLAYED = Future.succeededFuture(ReplayVerdict.REPLAYED);

    private final int windowSize;
    private final int maxEntries;
    private final InstantSource clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private long evictions;
    private long evictedUpTo;

    public MemoryReplayStore(int windowSize, int maxEntries, InstantSource clock) {
        new SlidingWindow(windowSize); // validates the size at construction, not on first use
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, got " + maxEntries);
        }
        this.windowSize = windowSize;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Future<ReplayVerdict> record(String nonce, long nc, long expiresAtMillis) {
        return recordNow(nonce, nc, expiresAtMillis) ? FIRST_USE : REPLAYED;
    }

    /** The synchronous core of {@link #record}. */
    public synchronized boolean recordNow(String nonce, long nc, long expiresAtMillis) {
        long now = clock.millis();
        purgeExpired(now);
        Entry e = entries.get(nonce);
        if (e == null || e.expiresAt < now) {
            if (expiresAtMillis <= evictedUpTo) {
                return false; // its state may have been evicted: cannot tell, so refuse
            }
            e = new Entry(new SlidingWindow(windowSize), expiresAtMillis);
            entries.put(nonce, e);
            evictOverflow();
        }
        return e.window.accept(nc);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** How many live entries were dropped because the store was full. */
    public synchronized long evictions() {
        return evictions;
    }

    /** Entries are in first-use order, which is close to expiry order: stop at the first live one. */
    private void purgeExpired(long now) {
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            if (it.next().expiresAt >= now) {
                return;
            }
            it.remove();
        }
    }

    private void evictOverflow() {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (entries.size() > maxEntries && it.hasNext()) {
            evictedUpTo = Math.max(evictedUpTo, it.next().getValue().expiresAt);
            it.remove();
            evictions++;
        }
    }

    private record Entry(SlidingWindow window, long expiresAt) {
    }
}
