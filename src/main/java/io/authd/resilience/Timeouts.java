package io.authd.resilience;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.concurrent.TimeoutException;

/** A time limit on a Vert.x future, kept by a Vert.x timer (no thread waits). */
public final class Timeouts {
    private Timeouts() {
    }

    /**
     * {@code call}'s outcome, or a {@link TimeoutException} with {@code message} if it has none within
     * {@code millis}. The call is not cancelled (a Vert.x future cannot be): a late outcome is ignored, so the
     * caller must accept work that completes after it gave up.
     */
    public static <T> Future<T> within(Vertx vertx, Future<T> call, long millis, String message) {
        Promise<T> outcome = Promise.promise();
        long timer = vertx.setTimer(millis, id -> outcome.tryFail(new TimeoutException(message)));
        call.onComplete((result, failure) -> {
            vertx.cancelTimer(timer);
            if (failure == null) {
                outcome.tryComplete(result);
            } else {
                outcome.tryFail(failure);
            }
        });
        return outcome.future();
    }
}
