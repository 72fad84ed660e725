package io.authd.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EagerTest {
    private static final IllegalStateException BUG = new IllegalStateException("a step with a bug");

    @Test
    void composeRunsTheNextStepAtOnceAndReturnsItsFutureWhenTheFirstHasSucceeded() {
        Future<String> next = Future.succeededFuture("two");

        Future<String> f = Eager.compose(Future.succeededFuture(1), one -> next);

        assertThat(f).isSameAs(next); // no future in between
    }

    @Test
    void composeWaitsForAFutureThatHasNotCompleted() {
        Promise<Integer> lookup = Promise.promise();
        AtomicInteger calls = new AtomicInteger();

        Future<String> f = Eager.compose(lookup.future(), n -> {
            calls.incrementAndGet();
            return Future.succeededFuture("got " + n);
        });

        assertThat(f.isComplete()).isFalse();
        assertThat(calls).hasValue(0);
        lookup.complete(7);
        assertThat(f.result()).isEqualTo("got 7");
        assertThat(calls).hasValue(1);
    }

    @Test
    void composeSkipsTheNextStepAndKeepsTheCauseWhenTheFirstHasFailed() {
        RuntimeException down = new RuntimeException("store down");
        AtomicInteger calls = new AtomicInteger();

        Future<String> f = Eager.compose(Future.<Integer>failedFuture(down), n -> {
            calls.incrementAndGet();
            return Future.succeededFuture("never");
        });

        assertThat(f.cause()).isSameAs(down);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aStepThatThrowsGivesAFailedFutureNotAnException() {
        assertThat(Eager.compose(Future.succeededFuture(1), n -> {
            throw BUG;
        }).cause()).isSameAs(BUG);
        assertThat(Eager.map(Future.succeededFuture(1), n -> {
            throw BUG;
        }).cause()).isSameAs(BUG);
        assertThat(Eager.transform(Future.succeededFuture(1), ar -> {
            throw BUG;
        }).cause()).isSameAs(BUG);
    }

    @Test
    void mapAppliesTheFunctionAtOnceOrLater() {
        assertThat(Eager.map(Future.succeededFuture(20), n -> n + 1).result()).isEqualTo(21);

        Promise<Integer> later = Promise.promise();
        Future<Integer> f = Eager.map(later.future(), n -> n + 1);
        assertThat(f.isComplete()).isFalse();
        later.complete(41);
        assertThat(f.result()).isEqualTo(42);
    }

    @Test
    void mapOfAFailedFutureKeepsTheCause() {
        RuntimeException down = new RuntimeException("store down");

        assertThat(Eager.map(Future.<Integer>failedFuture(down), n -> n + 1).cause()).isSameAs(down);
    }

    @Test
    void transformSeesAFailureAtOnceAndCanTurnItIntoAnAnswer() {
        Future<String> f = Eager.transform(Future.<Integer>failedFuture(new RuntimeException("store down")),
                ar -> Future.succeededFuture(ar.failed() ? "verified without the lockout" : "checked"));

        assertThat(f.result()).isEqualTo("verified without the lockout");
    }

    @Test
    void transformWaitsForAFutureThatHasNotCompleted() {
        Promise<Integer> check = Promise.promise();

        Future<String> f = Eager.transform(check.future(),
                ar -> Future.succeededFuture(ar.succeeded() ? "until " + ar.result() : "failed"));

        assertThat(f.isComplete()).isFalse();
        check.fail(new RuntimeException("timeout"));
        assertThat(f.result()).isEqualTo("failed");
    }
}
