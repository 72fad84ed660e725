package io.authd.replay;

import io.authd.testing.TestDatabase;
import io.authd.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.authd.replay.ReplayVerdict.FIRST_USE;
import static io.authd.replay.ReplayVerdict.REPLAYED;
import static io.authd.testing.TestPostgres.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sliding window (RFC 4303 §3.4.3 applied to nonce-counts) as the SQL upsert implements it, and what
 * only a shared store must get right: replicas, races, purge and an absent database. Every case runs
 * against a real PostgreSQL.
 */
class PostgresReplayStoreTest extends ReplayStoreContract {
    private static final String NONCE = "nonce-a";
    @RegisterExtension
    private static final TestDatabase DB = new TestDatabase();

    private final List<PostgresReplayStore> opened = new ArrayList<>();
    private String schema;
    private PostgresReplayStore store;

    /**
     * The window cases come from {@link ReplayStoreContract}. Its {@code @BeforeEach} runs before this class's,
     * so the test's schema is made by the first store opened.
     */
    @Override
    protected ReplayStore newStore(int window) {
        PostgresReplayOptions options = TestPostgres.options(schemaOfThisTest(), window);
        PostgresReplayStore s = open(options);
        await(s.ensureSchema());
        return s;
    }

    private String schemaOfThisTest() {
        if (schema == null) {
            schema = TestPostgres.newSchema();
        }
        return schema;
    }

    @BeforeEach
    void openPostgresStore() {
        store = (PostgresReplayStore) newStore(SlidingWindow.MAX_SIZE);
    }

    @AfterEach
    void dropSchema() {
        opened.forEach(s -> await(s.close()));
        TestPostgres.dropSchema(DB.admin(), schema);
        schema = null;
    }

    @Test
    void anExpiredRowIsTreatedAsANewNonce() {
        assertThat(record(5)).isEqualTo(FIRST_USE);
        expireRow(NONCE);
        assertThat(record(5)).as("the expired state is replaced").isEqualTo(FIRST_USE);
        assertThat(record(5)).as("and the new state is live").isEqualTo(REPLAYED);
    }

    // --- what only a shared store must get right ---

    @Test
    void aCountUsedOnOneReplicaIsReplayedOnAnother() {
        PostgresReplayStore replicaB = open(TestPostgres.options(schema, SlidingWindow.MAX_SIZE));
        assertThat(record(store, NONCE, 1)).isEqualTo(FIRST_USE);
        assertThat(record(replicaB, NONCE, 1)).isEqualTo(REPLAYED);
        assertThat(record(replicaB, NONCE, 2)).isEqualTo(FIRST_USE);
        assertThat(record(store, NONCE, 2)).isEqualTo(REPLAYED);
    }

    /**
     * Both replicas send every count at once, a batch of 32 at a time: within a batch the statements race
     * on one row; 32 stays inside the window of 64, so every count must be accepted by exactly one.
     */
    @Test
    void twoReplicasRacingOnTheSameCountsAcceptEachExactlyOnce() {
        PostgresReplayStore replicaB = open(TestPostgres.options(schema, SlidingWindow.MAX_SIZE));
        int counts = 2_000;
        int batch = 32;
        long expiry = live();
        for (long first = 1; first <= counts; first += batch) {
            List<List<Future<ReplayVerdict>>> sent = new ArrayList<>();
            for (long nc = first; nc < first + batch && nc <= counts; nc++) {
                sent.add(sendFromBoth(nc % 2 == 0 ? List.of(store, replicaB) : List.of(replicaB, store), nc, expiry));
            }
            for (int i = 0; i < sent.size(); i++) {
                assertThat(sent.get(i).stream().map(TestPostgres::await))
                        .as("nc %d", first + i).containsExactlyInAnyOrder(FIRST_USE, REPLAYED);
            }
        }
    }

    /** In the given order, so which replica sends first alternates. */
    private static List<Future<ReplayVerdict>> sendFromBoth(List<PostgresReplayStore> order, long nc, long expiry) {
        return order.stream().map(s -> s.record(NONCE, nc, expiry)).toList();
    }

    @Test
    void purgeDeletesOnlyExpiredRows() {
        record(store, "expired", 1);
        record(store, "live", 1);
        expireRow("expired");
        assertThat(await(store.purgeNow())).isEqualTo(1L);
        assertThat(TestPostgres.rowCount(DB.admin(), schema)).isEqualTo(1);
        assertThat(record(store, "live", 1)).as("the live row survived").isEqualTo(REPLAYED);
    }

    @Test
    void expiredRowsArePurgedPeriodically() throws InterruptedException {
        PostgresReplayStore purging = open(new PostgresReplayOptions(TestPostgres.URI, schema, 64,
                Duration.ofSeconds(5), Duration.ofMillis(50)));
        record(purging, NONCE, 1);
        expireRow(NONCE);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (TestPostgres.rowCount(DB.admin(), schema) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(TestPostgres.rowCount(DB.admin(), schema)).isZero();
    }

    @Test
    void anUnreachableDatabaseFailsWithinTheTimeoutAndNeverAllows() {
        PostgresReplayStore down = open(PostgresReplayOptions.defaults("postgresql://postgres@127.0.0.1:1/postgres"));
        assertFailsWithinTheDefaultTimeout(down, NONCE);
        assertThat(down.failures()).isEqualTo(1);
    }

    /** A row held by another transaction: the store gives up at its timeout rather than wait. */
    @Test
    void aStatementStuckBehindALockFailsAtTheTimeout() {
        record(store, NONCE, 1);
        PostgresReplayStore impatient = open(new PostgresReplayOptions(TestPostgres.URI, schema, 64,
                PostgresReplayOptions.DEFAULT_STATEMENT_TIMEOUT, PostgresReplayOptions.DEFAULT_PURGE_INTERVAL));
        Pool pool = PgBuilder.pool().connectingTo(TestPostgres.URI).using(DB.vertx()).build();
        try {
            SqlConnection holder = await(pool.getConnection());
            Transaction tx = await(holder.begin());
            await(holder.query("SELECT 1 FROM " + schema + ".authd_replay WHERE nonce = '" + NONCE + "' FOR UPDATE")
                    .execute());
            assertFailsWithinTheDefaultTimeout(impatient, NONCE);
            await(tx.rollback());
        } finally {
            await(pool.close());
        }
        assertThat(impatient.failures()).isEqualTo(1);
    }

    private static void assertFailsWithinTheDefaultTimeout(PostgresReplayStore s, String nonce) {
        long started = System.nanoTime();
        Future<ReplayVerdict> verdict = s.record(nonce, 2, live());
        Throwable failure = await(verdict.transform(ar -> Future.succeededFuture(ar.cause())));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(failure).as("failed, never FIRST_USE: %s", verdict.result()).isNotNull();
        assertThat(took).isLessThan(PostgresReplayOptions.DEFAULT_STATEMENT_TIMEOUT.plusSeconds(1));
    }

    private PostgresReplayStore open(PostgresReplayOptions options) {
        PostgresReplayStore s = PostgresReplayStore.create(DB.vertx(), options);
        opened.add(s);
        return s;
    }

    private ReplayVerdict record(long nc) {
        return record(store, NONCE, nc);
    }

    /** The nonce's expiry as the nonce service would set it. */
    private static long live() {
        return System.currentTimeMillis() + Duration.ofMinutes(5).toMillis();
    }

    /** Moves a row into the past on the database's clock, the one expiry is checked against. */
    private void expireRow(String nonce) {
        await(DB.admin().preparedQuery("UPDATE " + schema + ".authd_replay SET expires_at = now() - interval '1 minute'"
                + " WHERE nonce = $1").execute(Tuple.of(nonce)));
    }
}
