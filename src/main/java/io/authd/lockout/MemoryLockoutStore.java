package io.authd.lockout;

import io.vertx.core.Future;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failure counters of this replica only: the single-replica default. Bounded: past {@code maxEntries} keys the least
 * recently used is dropped, so a flood of made-up names or addresses costs memory only up to the bound (and can at
 * worst make the replica forget a key's earlier failures, never lock out someone who did not fail).
 */
public final class MemoryLockoutStore implements LockoutStore {
    /** The answer for nearly every verification, without a box and a future each. */
    private static final Future<Long> NOT_LOCKED = Future.succeededFuture(0L);

    private final LockoutPolicy policy;
    private final Map<String, Tracked> entries;

    public MemoryLockoutStore(LockoutPolicy policy, int maxEntries) {
        this.policy = policy;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tracked> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public synchronized Future<Long> lockedUntil(List<String> keys, long now) {
        long until = 0;
        for (String key : keys) {
            FailureWindow w = live(key, now);
            until = w == null ? until : Math.max(until, w.lockedUntil());
        }
        return until == 0 ? NOT_LOCKED : Future.succeededFuture(until);
    }

    @Override
    public synchronized Future<Long> fail(String key, int threshold, long now) {
        FailureWindow before = live(key, now);
        FailureWindow after = (before == null ? FailureWindow.fresh(now) : before).fail(now, threshold, policy);
        entries.put(key, new Tracked(after, after.expiresAt(now, policy)));
        return Future.succeededFuture(after.lockedUntil());
    }

    @Override
    public synchronized Future<Void> reset(String key) {
        entries.remove(key);
        return Future.succeededFuture();
    }

    /** Keys tracked now, expired ones included until they are touched or pushed out. */
    public synchronized int size() {
        return entries.size();
    }

    private FailureWindow live(String key, long now) {
        Tracked e = entries.get(key);
        return e == null || e.expiresAt() <= now ? null : e.window();
    }

    private record Tracked(FailureWindow window, long expiresAt) {
    }
}
