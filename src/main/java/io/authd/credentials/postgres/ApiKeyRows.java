package io.authd.credentials.postgres;

import io.authd.config.CredentialDatabaseOptions;
import io.authd.credentials.ApiKey;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The statements on {@code <schema>.api_keys} (V2__api_keys.sql) and its rows as {@link ApiKey}s. */
final class ApiKeyRows {
    private static final String COLUMNS = "realm, id, secret_sha256, scopes, expires_at";

    private final String find;
    private final String insert;
    private final String list;
    private final String delete;

    ApiKeyRows(CredentialDatabaseOptions options) {
        String table = options.schema() + ".api_keys";
        this.find = "SELECT " + COLUMNS + " FROM " + table + " WHERE realm = $1 AND id = $2";
        this.insert = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5)";
        this.list = "SELECT " + COLUMNS + " FROM " + table + " WHERE realm = $1 ORDER BY id";
        this.delete = "DELETE FROM " + table + " WHERE realm = $1 AND id = $2";
    }

    Query find(String realm, String id) {
        return new Query(find, Tuple.of(realm, id));
    }

    Query insert(ApiKey key) {
        OffsetDateTime expires = key.expiresAt() == null ? null : key.expiresAt().atOffset(ZoneOffset.UTC);
        return new Query(insert, Tuple.of(key.realm(), key.id(), key.secretHash(),
                key.scopes().toArray(String[]::new), expires));
    }

    Query list(String realm) {
        return new Query(list, Tuple.of(realm));
    }

    Query delete(String realm, String id) {
        return new Query(delete, Tuple.of(realm, id));
    }

    static Optional<ApiKey> first(RowSet<Row> rows) {
        List<ApiKey> keys = all(rows);
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0));
    }

    static List<ApiKey> all(RowSet<Row> rows) {
        List<ApiKey> keys = new ArrayList<>();
        for (Row row : rows) {
            OffsetDateTime expires = row.getOffsetDateTime("expires_at");
            Instant expiresAt = expires == null ? null : expires.toInstant();
            keys.add(new ApiKey(row.getString("realm"), row.getString("id"), row.getString("secret_sha256"),
                    Arrays.asList(row.getArrayOfStrings("scopes")), expiresAt));
        }
        return keys;
    }
}
