package io.authd.credentials.postgres;

import io.authd.config.CredentialDatabaseOptions;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The schema of authd's own credential table, as numbered migrations (resources {@code V<n>__<name>.sql})
 * recorded in {@code <schema>.schema_version}, plus one repeatable step ({@code R__credentials_notify.sql})
 * applied again at every run because it depends on configuration (the notify channel).
 *
 * <p>Each migration runs in a transaction of its own that first takes a transaction-scoped advisory lock, so
 * replicas starting together queue up instead of colliding: the second finds the version recorded by the first
 * and skips it. Running twice is therefore a no-op, and a failed migration leaves nothing half-applied.
 */
public final class Migrations {
    /** In order of version; read once, when the class loads, so that no event loop waits on a resource. */
    private static final List<Migration> ALL = List.of(Migration.of(1, "credentials"), Migration.of(2, "api_keys"));
    private static final String REPEATABLE = resource("R__credentials_notify.sql");
    /** PostgreSQL's answers when the schema or the version table does not exist yet. */
    private static final Set<String> NOTHING_APPLIED = Set.of("3F000", "42P01");

    private final String schema;
    private final String notifyChannel;

    /**
     * @param schema        a plain SQL identifier (as the configuration checks): it is put into the SQL text
     * @param notifyChannel a plain SQL identifier, or empty for no notifications
     */
    public Migrations(String schema, String notifyChannel) {
        this.schema = schema;
        this.notifyChannel = notifyChannel;
    }

    public static Migrations of(CredentialDatabaseOptions options) {
        return new Migrations(options.schema(), options.notifyChannel());
    }

    /**
     * Applies every migration not yet recorded, each in its own transaction, then the repeatable step.
     *
     * @return the versions applied by this call, in order; empty when the schema was already current
     */
    public Future<List<Integer>> apply(SqlConnection connection) {
        return applyFrom(connection, 0, new ArrayList<>())
                .compose(applied -> inLockedTransaction(connection, c -> execute(c, script(REPEATABLE)))
                        .map(done -> List.copyOf(applied)));
    }

    /** The versions this authd knows that the database lacks, in order; empty when the schema is current. */
    public Future<List<Integer>> pending(SqlClient client) {
        Future<List<Integer>> recorded = client.query("SELECT version FROM " + versionTable()).execute()
                .map(rows -> {
                    List<Integer> versions = new ArrayList<>();
                    rows.forEach(row -> versions.add(row.getInteger(0)));
                    return versions;
                });
        return recorded.recover(e -> e instanceof PgException pg && NOTHING_APPLIED.contains(pg.getSqlState())
                        ? Future.succeededFuture(List.of()) : Future.failedFuture(e))
                .map(applied -> ALL.stream().map(Migration::version).filter(v -> !applied.contains(v)).toList());
    }

    private Future<List<Integer>> applyFrom(SqlConnection connection, int index, List<Integer> applied) {
        if (index == ALL.size()) {
            return Future.succeededFuture(applied);
        }
        Migration migration = ALL.get(index);
        return inLockedTransaction(connection, c -> applyIfMissing(c, migration)).compose(ran -> {
            if (ran) {
                applied.add(migration.version());
            }
            return applyFrom(connection, index + 1, applied);
        });
    }

    /** Runs under the lock, so the check and the change cannot interleave with another replica's. */
    private Future<Boolean> applyIfMissing(SqlConnection c, Migration migration) {
        String ensureVersionTable = "CREATE SCHEMA IF NOT EXISTS " + schema + ";"
                + "CREATE TABLE IF NOT EXISTS " + versionTable()
                + " (version int PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())";
        return execute(c, ensureVersionTable)
                .compose(v -> c.preparedQuery("SELECT 1 FROM " + versionTable() + " WHERE version = $1")
                        .execute(Tuple.of(migration.version())))
                .compose(rows -> rows.size() > 0 ? Future.succeededFuture(false)
                        : execute(c, script(migration.sql()))
                                .compose(v -> c.preparedQuery("INSERT INTO " + versionTable()
                                        + " (version, description) VALUES ($1, $2)")
                                        .execute(Tuple.of(migration.version(), migration.description())))
                                .map(true));
    }

    /**
     * One transaction holding the migration lock of this schema until it ends. Notices ("already exists,
     * skipping") are kept off the client: they are expected at every run.
     */
    private <T> Future<T> inLockedTransaction(SqlConnection c, Function<SqlConnection, Future<T>> work) {
        return c.begin().compose(tx -> c.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))")
                .execute(Tuple.of(versionTable()))
                .compose(locked -> execute(c, "SET LOCAL client_min_messages = warning"))
                .compose(quiet -> work.apply(c))
                .compose(result -> tx.commit().map(result),
                        failure -> tx.rollback().transform(rolledBack -> Future.failedFuture(failure))));
    }

    /** Several statements in one simple query: the way to run a script of DDL and function bodies. */
    private static Future<Void> execute(SqlConnection c, String sql) {
        return c.query(sql).execute().mapEmpty();
    }

    private String versionTable() {
        return schema + ".schema_version";
    }

    /** {@code sql} with the placeholders filled in. */
    private String script(String sql) {
        return sql.replace("${schema}", schema).replace("${channel}", notifyChannel);
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A numbered migration, from resource {@code V<version>__<description>.sql}. */
    private record Migration(int version, String description, String sql) {
        static Migration of(int version, String description) {
            return new Migration(version, description, resource("V" + version + "__" + description + ".sql"));
        }
    }
}
