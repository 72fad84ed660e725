package io.authd.credentials.postgres;

import io.authd.config.CredentialDatabaseOptions;
import io.authd.credentials.CredentialAdmin;
import io.authd.credentials.UserChange;
import io.authd.credentials.UserCredentials;
import io.authd.credentials.UserEntry;
import io.authd.credentials.WriteResult;
import io.authd.digest.DigestHasher;
import io.authd.digest.HashFunction;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Admin writes to authd's own table, each one statement (so one implicit transaction) that answers with the
 * user as it now is. Entries say which hash functions a user has an HA1 for; the HA1s never leave the database.
 * Every write also sets the SHA-512-256 userhash, which PostgreSQL cannot compute (see V1__credentials.sql).
 * Calls go out as given: the store runs them through its guard.
 */
final class OwnTableAdmin implements CredentialAdmin {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Future<WriteResult> ALREADY_EXISTS = Future.succeededFuture(new WriteResult.AlreadyExists());

    private final SqlClient client;
    private final String insert;
    private final String update;
    private final String delete;
    private final String get;
    private final String list;

    OwnTableAdmin(SqlClient client, CredentialDatabaseOptions options) {
        this.client = client;
        String table = OwnTable.table(options);
        String entry = " realm, username, " + Columns.ENABLED + ", " + Arrays.stream(HashFunction.values())
                .map(h -> Columns.ha1(h) + " IS NOT NULL AS " + Columns.has(h)).collect(Collectors.joining(", "));
        String byKey = " WHERE realm = $1 AND username = $2";
        this.insert = "INSERT INTO " + table + " (realm, username, ha1_md5, ha1_sha256, ha1_sha512_256,"
                + " userhash_sha512_256, enabled) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING" + entry;
        // $3 says whether the HA1s are replaced (all of them, so absent ones become NULL); NULL $7 keeps enabled.
        this.update = "UPDATE " + table + " SET"
                + " ha1_md5 = CASE WHEN $3 THEN $4 ELSE ha1_md5 END,"
                + " ha1_sha256 = CASE WHEN $3 THEN $5 ELSE ha1_sha256 END,"
                + " ha1_sha512_256 = CASE WHEN $3 THEN $6 ELSE ha1_sha512_256 END,"
                + " enabled = coalesce($7, enabled), userhash_sha512_256 = $8"
                + byKey + " RETURNING" + entry;
        this.delete = "DELETE FROM " + table + byKey;
        this.get = "SELECT" + entry + " FROM " + table + byKey;
        // Keyset pagination: "" sorts before every username (the table refuses empty ones), and the primary key
        // index (realm, username) gives both the range and the order, however deep the page.
        this.list = "SELECT" + entry + " FROM " + table + " WHERE realm = $1 AND username > $2 ORDER BY username LIMIT $3";
    }

    @Override
    public Future<WriteResult> create(UserCredentials user) {
        Tuple params = Tuple.of(user.realm(), user.username());
        addHa1s(params, user.ha1());
        params.addString(sha512_256Userhash(user.realm(), user.username())).addBoolean(user.enabled());
        return client.preparedQuery(insert).execute(params)
                .<WriteResult>map(rows -> new WriteResult.Created(entry(rows.iterator().next())))
                .recover(e -> e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                        ? ALREADY_EXISTS : Future.failedFuture(e));
    }

    @Override
    public Future<WriteResult> update(String realm, String username, UserChange change) {
        Tuple params = Tuple.of(realm, username, change.ha1() != null);
        addHa1s(params, change.ha1() == null ? Map.of() : change.ha1());
        params.addBoolean(change.enabled()).addString(sha512_256Userhash(realm, username));
        return client.preparedQuery(update).execute(params).map(rows -> rows.size() == 0
                ? new WriteResult.NotFound() : new WriteResult.Updated(entry(rows.iterator().next())));
    }

    @Override
    public Future<WriteResult> delete(String realm, String username) {
        return client.preparedQuery(delete).execute(Tuple.of(realm, username))
                .map(rows -> rows.rowCount() == 0 ? new WriteResult.NotFound() : new WriteResult.Deleted());
    }

    @Override
    public Future<Optional<UserEntry>> get(String realm, String username) {
        return client.preparedQuery(get).execute(Tuple.of(realm, username))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(entry(rows.iterator().next())));
    }

    @Override
    public Future<List<UserEntry>> list(String realm, String after, int limit) {
        if (limit < 1) {
            return Future.failedFuture(new IllegalArgumentException("limit must be at least 1, got " + limit));
        }
        return client.preparedQuery(list).execute(Tuple.of(realm, after == null ? "" : after, limit))
                .map(OwnTableAdmin::entries);
    }

    /** In {@link HashFunction} order, NULL for the hash functions the user has no HA1 for. */
    private static void addHa1s(Tuple params, Map<HashFunction, String> ha1) {
        for (HashFunction hash : HashFunction.values()) {
            params.addString(ha1.get(hash));
        }
    }

    private static String sha512_256Userhash(String realm, String username) {
        return DigestHasher.current().userhash(HashFunction.SHA_512_256, username, realm);
    }

    private static List<UserEntry> entries(RowSet<Row> rows) {
        List<UserEntry> entries = new ArrayList<>(rows.size());
        rows.forEach(row -> entries.add(entry(row)));
        return entries;
    }

    private static UserEntry entry(Row row) {
        Set<HashFunction> hashes = EnumSet.noneOf(HashFunction.class);
        for (HashFunction hash : HashFunction.values()) {
            if (row.getBoolean(Columns.has(hash))) {
                hashes.add(hash);
            }
        }
        return new UserEntry(row.getString("realm"), row.getString("username"), row.getBoolean(Columns.ENABLED), hashes);
    }
}
