package io.authd.resilience;

import io.vertx.core.Future;

import java.util.function.Supplier;

/**
 * Wraps every call to a remote store: a time limit, a circuit breaker and a bulkhead. A refused or failed
 * call is a failed future, which the authenticator turns into {@code unavailable}, never into allow.
 */
public interface CallGuard {

    /** Runs {@code call} if the guard lets it through; never throws, a refusal is a failed future. */
    <T> Future<T> call(Supplier<Future<T>> call);

    /** True while calls are let through (the breaker is not open). */
    boolean available();

    /** Runs every call unguarded: for stores that cannot fail (memory, file) and for tests. */
    static CallGuard none() {
        return new CallGuard() {
            @Override
            public <T> Future<T> call(Supplier<Future<T>> call) {
                return Calls.start(call);
            }

            @Override
            public boolean available() {
                return true;
            }
        };
    }
}
