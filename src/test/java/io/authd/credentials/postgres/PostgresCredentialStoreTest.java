package io.authd.credentials.postgres;

import io.authd.testing.CapturedLog;
import ch.qos.logback.classic.Level;
import io.authd.credentials.UserChange;
import io.authd.credentials.UserCredentials;
import io.authd.credentials.WriteResult;
import io.authd.digest.HashFunction;
import io.authd.resilience.CallGuard;
import io.authd.testing.ClientDigest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.authd.testing.TestPostgres.await;
import static org.assertj.core.api.Assertions.assertThat;

/** What only the PostgreSQL store must get right: readiness, the guard around every call, its own columns. */
class PostgresCredentialStoreTest extends DatabaseTest {
    private static final String REALM = "testrealm@host.com";
    private static final String MD5_HA1 = "1".repeat(32);

    @Test
    void withMigrateOffAnEmptySchemaIsNotReadyAndLookupsFailNamingAuthdMigrate() {
        try (CapturedLog log = new CapturedLog(PostgresCredentialStore.class)) {
            PostgresCredentialStore store = open(DatabaseOptions.migrate(options, false), CallGuard.none());

            Throwable prepare = failure(store.prepare());
            Throwable lookup = failure(store.findByUsername(REALM, "alice"));
            failure(store.prepare());

            assertThat(store.ready()).isFalse();
            assertThat(prepare).hasMessageContaining("lacks migrations [1, 2]").hasMessageContaining("authd migrate");
            assertThat(lookup).as("a failure, never 'no such user'").isNotNull();
            assertThat(log.at(Level.ERROR)).singleElement().asString().contains("authd migrate");
        }
        assertThat(rows("SELECT 1 FROM pg_namespace WHERE nspname = '" + schema + "'")).as("nothing created").isEmpty();
    }

    @Test
    void withMigrateOffTheStoreServesOnceSomeoneHasMigrated() {
        PostgresCredentialStore store = open(DatabaseOptions.migrate(options, false), CallGuard.none());
        failure(store.prepare());

        await(PostgresConnections.withConnection(DB.vertx(), options, Migrations.of(options)::apply));

        await(store.prepare());
        assertThat(store.ready()).isTrue();
        assertThat(await(store.findByUsername(REALM, "alice"))).isEmpty();
    }

    @Test
    void theStorePreparesItselfInTheBackgroundWithoutALookup() throws InterruptedException {
        PostgresCredentialStore store = open(options, CallGuard.none());

        assertThat(store.ready()).as("lazy: nothing sent yet").isFalse();
        waitFor(store::ready, Duration.ofSeconds(5));
    }

    @Test
    void readyFollowsTheGuard() {
        TestGuard guard = new TestGuard();
        PostgresCredentialStore store = open(options, guard);
        await(store.prepare());

        assertThat(store.ready()).isTrue();
        guard.available = false;
        assertThat(store.ready()).as("breaker open").isFalse();
        guard.available = true;
        assertThat(store.ready()).isTrue();
    }

    @Test
    void everyCallGoesThroughTheGuard() {
        TestGuard guard = new TestGuard();
        PostgresCredentialStore store = open(options, guard);
        await(store.prepare());
        guard.refusing = true;

        assertThat(failure(store.findByUsername(REALM, "alice"))).hasMessage("refused by the test guard");
        assertThat(failure(store.findByUserhash(REALM, HashFunction.MD5, "0".repeat(32)))).isNotNull();
        assertThat(failure(store.create(new UserCredentials(REALM, "alice", Map.of(HashFunction.MD5, MD5_HA1), true))))
                .isNotNull();
        assertThat(failure(store.update(REALM, "alice", new UserChange(null, false)))).isNotNull();
        assertThat(failure(store.delete(REALM, "alice"))).isNotNull();
        assertThat(failure(store.get(REALM, "alice"))).isNotNull();
        assertThat(failure(store.list(REALM, null, 10))).isNotNull();
        assertThat(rows("SELECT 1 FROM " + schema + ".credentials")).as("nothing written").isEmpty();
    }

    /** So that an open breaker gets trial calls, and closes, while a cache answers every lookup. */
    @Test
    void theHealthPingRunsThroughTheGuardEverySecondUntilClosed() throws InterruptedException {
        TestGuard guard = new TestGuard();
        PostgresCredentialStore store = open(options, guard);
        await(store.prepare());
        int prepared = guard.calls.get();

        waitFor(() -> guard.calls.get() >= prepared + 2, Duration.ofSeconds(5));
        await(store.close());
        int closed = guard.calls.get();
        Thread.sleep(1_500);

        assertThat(guard.calls.get()).isEqualTo(closed);
    }

    @Test
    void aPingStillRunningIsNotJoinedByAnother() throws InterruptedException {
        TestGuard guard = new TestGuard();
        PostgresCredentialStore store = open(options, guard);
        await(store.prepare());
        guard.holding = true;
        int before = guard.calls.get();

        waitFor(() -> guard.calls.get() > before, Duration.ofSeconds(5));
        Thread.sleep(2_500);

        assertThat(guard.calls.get()).isEqualTo(before + 1);
    }

    @Test
    void anUnreachableDatabaseFailsLookupsAndIsNotReady() {
        PostgresCredentialStore store = open(DatabaseOptions.unreachable(options, Duration.ofMillis(250)),
                CallGuard.none());

        assertThat(failure(store.findByUsername(REALM, "alice"))).isNotNull();
        assertThat(store.ready()).isFalse();
    }

    /** PostgreSQL cannot compute SHA-512/256, so a row written with psql lacks it until authd writes the row. */
    @Test
    void everyWriteStoresTheSha512UserhashComputedInJava() {
        PostgresCredentialStore store = open(options, CallGuard.none());
        await(store.prepare());
        sql("INSERT INTO " + schema + ".credentials (realm, username, ha1_md5) VALUES ('" + REALM + "', 'alice', '"
                + MD5_HA1 + "')");
        String userhash = ClientDigest.h("SHA-512-256", "alice:" + REALM);
        assertThat(await(store.findByUserhash(REALM, HashFunction.SHA_512_256, userhash))).isEmpty();

        assertThat(await(store.update(REALM, "alice", new UserChange(null, null)))).isInstanceOf(WriteResult.Updated.class);
        await(store.create(new UserCredentials(REALM, "bob", Map.of(HashFunction.MD5, MD5_HA1), true)));

        assertThat(await(store.findByUserhash(REALM, HashFunction.SHA_512_256, userhash)))
                .map(UserCredentials::username).contains("alice");
        assertThat(rows("SELECT userhash_sha512_256 FROM " + schema + ".credentials WHERE username = 'bob'")
                .getFirst().getString(0)).isEqualTo(ClientDigest.h("SHA-512-256", "bob:" + REALM));
    }


    private static void waitFor(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit);
            }
            Thread.sleep(20);
        }
    }
}
