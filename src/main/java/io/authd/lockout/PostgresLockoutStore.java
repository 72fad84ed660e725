package io.authd.lockout;

import io.authd.replay.PostgresClients;
import io.authd.resilience.Timeouts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Lockout counters in PostgreSQL, shared by every replica: failures counted through one replica lock the key out on
 * all. A failure is one call of a PL/pgSQL function that applies the {@link FailureWindow} rules to the key's row
 * under its row lock, so replicas racing on a key cannot lose counts. The table is UNLOGGED like the replay table:
 * after a database crash the counters start empty (an attacker gains one more threshold of guesses), which is worth
 * not writing WAL on every failed attempt. Rows whose state no longer matters are deleted in the background.
 */
public final class PostgresLockoutStore implements LockoutStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresLockoutStore.class);
    private static final String TABLE = "authd_lockout";
    private static final String NAME = "authd-lockout";

    private final Vertx vertx;
    private final SqlClient client;
    private final String schema;
    private final LockoutPolicy policy;
    private final long timeoutMillis;
    private final long purgeTimer;
    private final String table;

    private PostgresLockoutStore(Vertx vertx, SqlClient client, String schema, LockoutPolicy policy, Duration timeout,
                                 Duration purgeInterval, InstantSource clock) {
        this.vertx = vertx;
        this.client = client;
        this.schema = schema;
        this.policy = policy;
        this.timeoutMillis = timeout.toMillis();
        this.table = schema + "." + TABLE;
        this.purgeTimer = vertx.setPeriodic(purgeInterval.toMillis(), id -> purge(clock.millis()));
    }

    /** Connects lazily; call {@link #ensureSchema()} before the first check. */
    public static PostgresLockoutStore create(Vertx vertx, String uri, String schema, LockoutPolicy policy,
                                              Duration timeout, Duration purgeInterval, InstantSource clock) {
        return new PostgresLockoutStore(vertx, PostgresClients.pipelined(vertx, uri, timeout, NAME), schema, policy,
                timeout, purgeInterval, clock);
    }

    /** Creates the schema, the table and the function if missing (the function is replaced, so upgrades apply). */
    public Future<Void> ensureSchema() {
        String ddl = "SELECT pg_advisory_xact_lock(hashtext('" + table + "'));" // replicas starting together
                + "CREATE SCHEMA IF NOT EXISTS " + schema + ";"
                + "CREATE UNLOGGED TABLE IF NOT EXISTS " + table + " ("
                + " key text PRIMARY KEY, start bigint NOT NULL, cur_count float8 NOT NULL, prev_count float8 NOT NULL,"
                + " strikes int NOT NULL, locked_until bigint NOT NULL, expires_at bigint NOT NULL);"
                + "CREATE INDEX IF NOT EXISTS " + TABLE + "_expires_at ON " + table + " (expires_at);"
                + failFunction();
        return client.query(ddl).execute().mapEmpty();
    }

    @Override
    public Future<Long> lockedUntil(List<String> keys, long now) {
        return timed(client.preparedQuery("SELECT coalesce(max(locked_until), 0) FROM " + table
                        + " WHERE key = ANY($1) AND expires_at > $2")
                .execute(Tuple.of(keys.toArray(String[]::new), now))
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    @Override
    public Future<Long> fail(String key, int threshold, long now) {
        return timed(client.preparedQuery("SELECT " + schema + ".authd_lockout_fail($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.of(key, now, policy.windowMillis(), threshold, policy.baseMillis(), policy.factor(),
                        policy.maxMillis(), LockoutPolicy.MAX_EXPONENT))
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    @Override
    public Future<Void> reset(String key) {
        return timed(client.preparedQuery("DELETE FROM " + table + " WHERE key = $1").execute(Tuple.of(key)).mapEmpty());
    }

    @Override
    public Future<Void> close() {
        vertx.cancelTimer(purgeTimer);
        return client.close();
    }

    private void purge(long now) {
        client.preparedQuery("DELETE FROM " + table + " WHERE expires_at <= $1").execute(Tuple.of(now))
                .onFailure(err -> LOG.warn("lockout store: purging expired keys failed: {}", err.toString()));
    }

    private <T> Future<T> timed(Future<T> call) {
        return Timeouts.within(vertx, call, timeoutMillis, "lockout store: no answer from PostgreSQL within "
                + timeoutMillis + " ms");
    }

    /** {@link FailureWindow#fail} in PL/pgSQL; an expired row counts as absent (the purge may not have run yet). */
    private String failFunction() {
        return "CREATE OR REPLACE FUNCTION " + schema + ".authd_lockout_fail(p_key text, p_now bigint, p_window bigint,"
                + " p_threshold int, p_base bigint, p_factor float8, p_max bigint, p_max_exponent int)"
                + " RETURNS bigint LANGUAGE plpgsql AS $fn$"
                + " DECLARE r " + table + "%ROWTYPE; estimate float8;"
                + " BEGIN"
                + "  INSERT INTO " + table + " VALUES (p_key, p_now, 0, 0, 0, 0, p_now + 2 * p_window)"
                + "   ON CONFLICT (key) DO NOTHING;"
                + "  SELECT * INTO r FROM " + table + " WHERE key = p_key FOR UPDATE;"
                + "  IF r.expires_at <= p_now THEN"
                + "   r.start := p_now; r.cur_count := 0; r.prev_count := 0; r.strikes := 0; r.locked_until := 0;"
                + "  END IF;"
                + "  IF p_now >= r.start + 2 * p_window THEN r.start := p_now; r.cur_count := 0; r.prev_count := 0;"
                + "  ELSIF p_now >= r.start + p_window THEN"
                + "   r.start := r.start + p_window; r.prev_count := r.cur_count; r.cur_count := 0;"
                + "  END IF;"
                + "  r.cur_count := r.cur_count + 1;"
                + "  estimate := r.cur_count + r.prev_count * (p_window - (p_now - r.start))::float8 / p_window;"
                + "  IF estimate >= p_threshold THEN"
                + "   r.strikes := r.strikes + 1;"
                + "   r.locked_until := p_now + least(floor(p_base * power(p_factor,"
                + "     least(r.strikes - 1, p_max_exponent))), p_max::float8)::bigint;"
                + "   r.start := p_now; r.cur_count := 0; r.prev_count := 0;"
                + "  END IF;"
                + "  UPDATE " + table + " SET start = r.start, cur_count = r.cur_count, prev_count = r.prev_count,"
                + "   strikes = r.strikes, locked_until = r.locked_until,"
                + "   expires_at = greatest(r.locked_until, p_now) + 2 * p_window WHERE key = p_key;"
                + "  RETURN r.locked_until;"
                + " END $fn$;";
    }
}
