package io.authd.credentials.postgres;

import io.authd.resilience.CallGuard;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A guard that counts the calls it sees and can be told to refuse them, or to hold them unanswered. */
final class TestGuard implements CallGuard {
    final AtomicInteger calls = new AtomicInteger();
    volatile boolean available = true;
    volatile boolean refusing;
    volatile boolean holding;

    @Override
    public <T> Future<T> call(Supplier<Future<T>> call) {
        calls.incrementAndGet();
        if (refusing) {
            return Future.failedFuture(new IllegalStateException("refused by the test guard"));
        }
        return holding ? Promise.<T>promise().future() : call.get();
    }

    @Override
    public boolean available() {
        return available;
    }
}
