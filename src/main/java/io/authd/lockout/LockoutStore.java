package io.authd.lockout;

import io.vertx.core.Future;

import java.util.List;

/**
 * Failure counters and lockouts per key, kept by one replica (memory) or shared by all (Redis, PostgreSQL).
 * Times are the calling replica's clock in epoch milliseconds, so every store applies the same {@link FailureWindow}
 * rules to the same numbers. A failed future means the store could not answer; {@link Lockout} decides what that
 * means for the request.
 */
public interface LockoutStore {

    /** When the longest lockout among {@code keys} ends, in epoch millis; {@code <= now} when none is locked. */
    Future<Long> lockedUntil(List<String> keys, long now);

    /**
     * Counts one failure under {@code key} and locks it out when the window holds {@code threshold} failures.
     *
     * @return when the key's lockout ends (epoch millis); {@code <= now} when it is not locked
     */
    Future<Long> fail(String key, int threshold, long now);

    /** Forgets the key's failures and lockouts (a success). */
    Future<Void> reset(String key);

    /** Releases connections and timers; the memory store has none. */
    default Future<Void> close() {
        return Future.succeededFuture();
    }
}
