package io.authd.credentials.postgres;

import io.authd.credentials.UserCredentials;
import io.authd.digest.HashFunction;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.authd.testing.TestPostgres.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookups by username sent from an event loop while the store's queries are out leave together
 * ({@link LookupBatcher}); each must still get exactly its own answer.
 */
class LookupBatchingTest extends DatabaseTest {
    private static final String REALM = "example.com";
    private static final String OTHER_REALM = "other.example";
    private static final String MD5_HA1 = "1".repeat(32);

    @Test
    void concurrentLookupsLeaveInFewerQueriesAndEachFindsExactlyItsOwnUser() {
        TestGuard guard = new TestGuard();
        PostgresCredentialStore store = open(options, guard);
        await(store.prepare());
        for (int i = 0; i < 40; i++) {
            sql("INSERT INTO " + schema + ".credentials (realm, username, ha1_md5, enabled) VALUES ('" + REALM
                    + "', 'user" + i + "', '" + MD5_HA1 + "', " + (i % 5 != 0) + ")");
        }
        sql("INSERT INTO " + schema + ".credentials (realm, username, ha1_sha256) VALUES ('" + OTHER_REALM
                + "', 'user1', '" + "2".repeat(64) + "')");
        List<String[]> asked = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i % 50; // user40..49 do not exist; every name is asked for several times
            asked.add(new String[]{i % 7 == 0 ? OTHER_REALM : REALM, i % 11 == 0 ? "USER" + n : "user" + n});
        }
        int before = guard.calls.get();

        List<Optional<UserCredentials>> found = onEventLoop(store, asked);

        assertThat(guard.calls.get() - before).as("queries for 200 lookups").isLessThan(100);
        for (int i = 0; i < asked.size(); i++) {
            assertThat(found.get(i)).as("lookup %s", (Object) asked.get(i)).isEqualTo(expected(asked.get(i)));
        }
    }

    @Test
    void whenABatchCannotBeAnsweredEveryLookupInItFailsNoneFindsNoUser() {
        TestGuard guard = new TestGuard();
        PostgresCredentialStore store = open(options, guard);
        await(store.prepare());
        guard.refusing = true;

        List<Future<Optional<UserCredentials>>> lookups = onEventLoopFutures(ctx -> findUsers(store, 20));

        lookups.forEach(lookup -> assertThat(failure(lookup)).hasMessage("refused by the test guard"));
    }

    @Test
    void lookupsBeyondTheWaitingLimitFailAtOnceRatherThanQueueWithoutBound() {
        TestGuard guard = new TestGuard();
        PostgresCredentialStore store = open(options, guard);
        await(store.prepare());
        guard.holding = true;
        int held = options.poolSize() + LookupBatcher.MAX_WAITING;

        List<Future<Optional<UserCredentials>>> lookups = onEventLoopFutures(ctx -> findUsers(store, held + 1));

        assertThat(lookups.subList(0, held)).as("waiting, not answered").noneMatch(Future::isComplete);
        assertThat(failure(lookups.get(held))).hasMessageContaining("wait for the database");
    }

    @Test
    void answersArriveOnTheEventLoopThatAsked() {
        PostgresCredentialStore store = open(options, new TestGuard());
        await(store.prepare());
        Promise<List<Boolean>> sameThread = Promise.promise();

        DB.vertx().getOrCreateContext().runOnContext(v -> {
            Thread asking = Thread.currentThread();
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                checks.add(store.findByUsername(REALM, "user" + i).map(found -> Thread.currentThread() == asking));
            }
            Future.all(checks).map(all -> all.<Boolean>list()).onComplete(sameThread);
        });

        assertThat(await(sameThread.future())).hasSize(30).containsOnly(true);
    }

    /** Lookups of user0, user1, ... started at once. */
    private static List<Future<Optional<UserCredentials>>> findUsers(PostgresCredentialStore store, int count) {
        List<Future<Optional<UserCredentials>>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(store.findByUsername(REALM, "user" + i));
        }
        return all;
    }

    private static Optional<UserCredentials> expected(String[] lookup) {
        String realm = lookup[0];
        String name = lookup[1];
        int n = name.startsWith("user") ? Integer.parseInt(name.substring(4)) : -1;
        if (realm.equals(OTHER_REALM)) {
            return n == 1 ? Optional.of(new UserCredentials(OTHER_REALM, "user1",
                    Map.of(HashFunction.SHA_256, "2".repeat(64)), true)) : Optional.empty();
        }
        if (n < 0 || n >= 40) {
            return Optional.empty();
        }
        return Optional.of(new UserCredentials(REALM, name, Map.of(HashFunction.MD5, MD5_HA1), n % 5 != 0));
    }

    private static List<Optional<UserCredentials>> onEventLoop(PostgresCredentialStore store, List<String[]> asked) {
        List<Future<Optional<UserCredentials>>> lookups = onEventLoopFutures(ctx -> {
            List<Future<Optional<UserCredentials>>> all = new ArrayList<>();
            asked.forEach(a -> all.add(store.findByUsername(a[0], a[1])));
            return all;
        });
        await(Future.join(new ArrayList<>(lookups)));
        List<Optional<UserCredentials>> found = new ArrayList<>();
        lookups.forEach(lookup -> found.add(lookup.result()));
        return found;
    }

    /** Starts the lookups on a fresh event-loop context, all in one go (so that they can batch). */
    private static <T> List<Future<T>> onEventLoopFutures(Function<Context, List<Future<T>>> start) {
        Promise<List<Future<T>>> started = Promise.promise();
        Context context = DB.vertx().getOrCreateContext();
        context.runOnContext(v -> started.complete(start.apply(context)));
        return await(started.future());
    }
}
