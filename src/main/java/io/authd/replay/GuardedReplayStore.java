package io.authd.replay;

import io.authd.resilience.CallGuard;
import io.vertx.core.Future;

/**
 * A shared replay store behind a {@link CallGuard}: while Redis or PostgreSQL is down, an open breaker refuses at
 * once instead of letting every verification wait out the store's timeout, and readiness reports it.
 */
public final class GuardedReplayStore implements ReplayStore {
    private final ReplayStore store;
    private final CallGuard guard;

    GuardedReplayStore(ReplayStore store, CallGuard guard) {
        this.store = store;
        this.guard = guard;
    }

    /** The store behind the guard, for metrics over its own counters. */
    public ReplayStore store() {
        return store;
    }

    public CallGuard guard() {
        return guard;
    }

    @Override
    public Future<ReplayVerdict> record(String nonce, long nc, long expiresAtMillis) {
        return guard.call(() -> store.record(nonce, nc, expiresAtMillis));
    }

    @Override
    public boolean ready() {
        return guard.available();
    }

    @Override
    public Future<Void> close() {
        return store.close();
    }
}
