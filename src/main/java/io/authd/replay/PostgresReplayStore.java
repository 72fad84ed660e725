package io.authd.replay;

import io.authd.resilience.Timeouts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replay state in PostgreSQL, shared by every replica: a nonce-count used on one is refused on all
 * (RFC 7616 §3.4: the server should refuse a repeated nc).
 *
 * <p>Each call is one atomic upsert that applies the {@link SlidingWindow} rules (RFC 4303 §3.4.3) to the
 * nonce's row in SQL, so concurrent replicas cannot both accept a count: PostgreSQL serialises them on the
 * row lock and re-evaluates the second against the first's result. A row past its nonce's expiry is
 * treated as absent and replaced; rows of expired nonces are also deleted in the background.
 *
 * <p>Fail closed: when the database is down, slow or refuses, the future fails (the authenticator answers
 * 503 {@code unavailable}); it never reports {@link ReplayVerdict#FIRST_USE} without the database saying so.
 */
public final class PostgresReplayStore implements ReplayStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresReplayStore.class);
    private static final Future<ReplayVerdict> REPLAYED = Future.succeededFuture(ReplayVerdict.REPLAYED);
    /** Rows deleted per statement, so a purge never holds many row locks or one long transaction. */
    private static final int PURGE_BATCH = 10_000;
    /** The {@code pool_name} of Vert.x's {@code vertx_pool_*} meters (the default name is the same for every pool). */
    private static final String METRICS_POOL_NAME = "authd-replay";
    private static final String TABLE = "authd_replay";

    private final Vertx vertx;
    private final SqlClient client;
    private final PostgresReplayOptions options;
    private final long timeoutMillis;
    private final String timeoutMessage;
    private final String table;
    private final String upsertSql;
    private final String purgeSql;
    private final long purgeTimer;
    private final AtomicBoolean purging = new AtomicBoolean();
    private final AtomicLong failures = new AtomicLong();

    private PostgresReplayStore(Vertx vertx, SqlClient client, PostgresReplayOptions options) {
        this.vertx = vertx;
        this.client = client;
        this.options = options;
        this.timeoutMillis = options.statementTimeout().toMillis();
        this.timeoutMessage = "replay store: no answer from PostgreSQL within " + timeoutMillis + " ms";
        this.table = options.schema() + "." + TABLE;
        this.upsertSql = upsertSql(table, options.window());
        this.purgeSql = "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table
                + " WHERE expires_at < now() LIMIT " + PURGE_BATCH + ")";
        this.purgeTimer = vertx.setPeriodic(options.purgeInterval().toMillis(), id -> purgeInBackground());
    }

    /** Connects lazily: nothing is sent to the database before the first call. */
    public static PostgresReplayStore create(Vertx vertx, PostgresReplayOptions options) {
        return new PostgresReplayStore(vertx, PostgresClients.pipelined(vertx, options.uri(),
                options.statementTimeout(), METRICS_POOL_NAME), options);
    }

    /**
     * Creates the schema, table and index if missing. The table is UNLOGGED: replay state is worth losing
     * on a crash rather than paying WAL for on every request. PostgreSQL empties it after a crash (not
     * after a clean restart), which reopens the counts of still-live nonces until they expire, minutes at
     * most; a replay then needs both a captured request and a database crash. Unlogged tables are not
     * replicated to standbys either, so after a failover the state starts empty the same way.
     */
    public Future<Void> ensureSchema() {
        String ddl = "SELECT pg_advisory_xact_lock(hashtext('" + table + "'));" // replicas starting together
                + "CREATE SCHEMA IF NOT EXISTS " + options.schema() + ";"
                + "CREATE UNLOGGED TABLE IF NOT EXISTS " + table + " ("
                + " nonce text PRIMARY KEY, highest bigint NOT NULL, seen bigint NOT NULL,"
                + " expires_at timestamptz NOT NULL);"
                + "CREATE INDEX IF NOT EXISTS " + TABLE + "_expires_at ON " + table + " (expires_at);";
        // One simple query of several statements runs as one implicit transaction, so the lock covers all.
        return client.query(ddl).execute().mapEmpty();
    }

    @Override
    public Future<ReplayVerdict> record(String nonce, long nc, long expiresAtMillis) {
        if (nc <= 0) {
            return REPLAYED; // RFC 7616 §3.4: nc counts from 00000001; nothing to ask the database
        }
        OffsetDateTime expiresAt = OffsetDateTime.ofInstant(Instant.ofEpochMilli(expiresAtMillis), ZoneOffset.UTC);
        Future<ReplayVerdict> verdict = client.preparedQuery(upsertSql)
                .execute(Tuple.of(nonce, nc, expiresAt))
                .map(rows -> rows.rowCount() == 1 ? ReplayVerdict.FIRST_USE : ReplayVerdict.REPLAYED);
        // A slow database must cost a request at most the timeout. The statement may still commit after the
        // timer fired; the count is then used but the request was refused, which is safe (the client retries
        // with the next count).
        return Timeouts.within(vertx, verdict, timeoutMillis, timeoutMessage)
                .onFailure(e -> failures.incrementAndGet());
    }

    /** Record calls that failed (each one a request refused as unavailable). */
    public long failures() {
        return failures.get();
    }

    /** Deletes every row of an expired nonce, a batch per statement; says how many. */
    public Future<Long> purgeNow() {
        return purgeFrom(0);
    }

    public Future<Void> close() {
        vertx.cancelTimer(purgeTimer);
        return client.close();
    }

    /**
     * The window of {@link SlidingWindow} in one upsert. A new nonce gets {@code highest = nc, seen = 1}.
     * On conflict the WHERE clause decides acceptance (no row updated = no row counted = replayed):
     * accepted when the row is expired (treated as absent), or nc is above the highest, or nc is inside the
     * window with its bit clear. CASE, not OR/AND, because only CASE fixes the evaluation order in SQL:
     * PostgreSQL's {@code <<} on bigint takes the shift modulo 64 ({@code 1 << 64 = 1}), and the
     * {@code ::int} casts would overflow for offsets past 2^31, so shifts are only computed for offsets
     * already known to be below 64. Bit 63 is the sign bit; {@code &}, {@code |} and {@code <<} treat it
     * as a plain bit, so a negative {@code seen} is fine.
     */
    private static String upsertSql(String table, int window) {
        String expired = "r.expires_at < now()";
        String ahead = "excluded.highest - r.highest";
        String behind = "r.highest - excluded.highest";
        return "INSERT INTO " + table + " AS r (nonce, highest, seen, expires_at) VALUES ($1, $2, 1, $3)"
                + " ON CONFLICT (nonce) DO UPDATE SET"
                + " highest = CASE WHEN " + expired + " THEN excluded.highest"
                + "   ELSE greatest(r.highest, excluded.highest) END,"
                + " seen = CASE WHEN " + expired + " THEN 1"
                + "   WHEN " + ahead + " >= 64 THEN 1"
                + "   WHEN " + ahead + " > 0 THEN (r.seen << (" + ahead + ")::int) | 1"
                + "   ELSE r.seen | (1::bigint << (" + behind + ")::int) END,"
                // Kept when live so the indexed column is unchanged and the update can stay HOT.
                + " expires_at = CASE WHEN " + expired + " THEN excluded.expires_at ELSE r.expires_at END"
                + " WHERE CASE WHEN " + expired + " OR " + ahead + " > 0 THEN true"
                + "   WHEN " + behind + " >= " + window + " THEN false" // too old to tell: refuse
                + "   ELSE r.seen & (1::bigint << (" + behind + ")::int) = 0 END";
    }

    /**
     * A batch per statement; a full batch means there may be more. Deleting by ctid is safe against a
     * replica replacing the expired row meanwhile: the replacement is a new row version with a new ctid.
     */
    private Future<Long> purgeFrom(long deletedSoFar) {
        return client.preparedQuery(purgeSql).execute().compose(rows -> {
            long deleted = deletedSoFar + rows.rowCount();
            return rows.rowCount() < PURGE_BATCH ? Future.succeededFuture(deleted) : purgeFrom(deleted);
        });
    }

    /** Skips a tick while the previous purge still runs, so purges never pile up on a slow database. */
    private void purgeInBackground() {
        if (!purging.compareAndSet(false, true)) {
            return;
        }
        purgeNow().onComplete((deleted, failure) -> {
            purging.set(false);
            if (failure != null) {
                LOG.warn("replay store: purging expired nonces failed: {}", failure.toString());
            }
        });
    }
}
