package io.authd.replay;

import io.vertx.core.Future;

/**
 * Remembers which nonce-counts were used, per nonce (RFC 7616 §3.4: the server should refuse a repeated
 * nc). A failed future means the store could not tell; callers must then refuse, never allow.
 */
public interface ReplayStore {

    /**
     * Records {@code nc} for {@code nonce} and says whether it was its first use.
     *
     * @param expiresAtMillis when the nonce turns stale; state for it may be dropped after that
     */
    Future<ReplayVerdict> record(String nonce, long nc, long expiresAtMillis);

    /** True while the store takes calls (a shared store's circuit breaker is not open). */
    default boolean ready() {
        return true;
    }

    /** Releases connections and timers; the memory store has none. */
    default Future<Void> close() {
        return Future.succeededFuture();
    }
}
