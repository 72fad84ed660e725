package io.authd.auth;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;

import java.util.function.Function;

/**
 * Chaining on futures that have usually completed already. The file and memory stores answer at once, yet Vert.x's
 * {@code compose}, {@code map} and {@code transform} allocate a listener and a new future per step even then, and a
 * verification takes half a dozen steps. Each method here runs the next step in the calling thread when {@code f}
 * is complete, and leaves it to Vert.x otherwise (a database answering later, on its own context). Either way a
 * step that throws gives a failed future, as Vert.x's own would: the caller's recovery still sees it.
 */
public final class Eager {
    private Eager() {
    }

    /** {@link Future#compose(Function)}, at once when {@code f} has succeeded. */
    public static <T, U> Future<U> compose(Future<T> f, Function<? super T, Future<U>> next) {
        if (!f.succeeded()) {
            return f.compose(next);
        }
        try {
            return next.apply(f.result());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** {@link Future#map(Function)}, at once when {@code f} has succeeded. */
    public static <T, U> Future<U> map(Future<T> f, Function<? super T, U> fn) {
        if (!f.succeeded()) {
            return f.map(fn);
        }
        try {
            return Future.succeededFuture(fn.apply(f.result()));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** {@link Future#transform(Function)}, at once when {@code f} is complete, succeeded or failed. */
    public static <T, U> Future<U> transform(Future<T> f, Function<AsyncResult<T>, Future<U>> next) {
        if (!f.isComplete()) {
            return f.transform(next);
        }
        try {
            return next.apply(f);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
