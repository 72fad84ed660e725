package io.authd.testing;

import io.vertx.core.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What a future that must already be complete holds; asserting so, with the cause shown if it failed. */
public final class Completed {
    private Completed() {
    }

    public static <T> T value(Future<T> future) {
        assertThat(future.isComplete()).as("answered").isTrue();
        assertThat(future.cause()).as("failure").isNull();
        return future.result();
    }

    public static Throwable failure(Future<?> future) {
        assertThat(future.failed()).as("failed").isTrue();
        return future.cause();
    }
}
