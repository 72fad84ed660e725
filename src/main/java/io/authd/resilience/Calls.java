package io.authd.resilience;

import io.vertx.core.Future;

import java.util.Objects;
import java.util.function.Supplier;

/** Starting an asynchronous call without letting its bugs escape as exceptions. */
public final class Calls {
    private Calls() {
    }

    /** The call's future; a supplier that throws or returns no future is a failed future, never an exception. */
    public static <T> Future<T> start(Supplier<Future<T>> call) {
        try {
            return Objects.requireNonNull(call.get(), "the guarded call returned no future");
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
