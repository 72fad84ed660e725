package io.authd.credentials.postgres;

import io.authd.config.CredentialDatabaseOptions;
import io.authd.digest.HashFunction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lookups in authd's own {@code <schema>.credentials} table, whose schema {@link Migrations} keeps. */
final class OwnTable implements UserQueries {
    private static final Logger LOG = LoggerFactory.getLogger(OwnTable.class);

    private final Vertx vertx;
    private final CredentialDatabaseOptions options;
    private final Migrations migrations;
    private final String byUsername;
    private final String byUsernames;
    private final Map<HashFunction, String> byUserhash = new EnumMap<>(HashFunction.class);

    OwnTable(Vertx vertx, CredentialDatabaseOptions options) {
        this.vertx = vertx;
        this.options = options;
        this.migrations = Migrations.of(options);
        String select = "SELECT username, ha1_md5, ha1_sha256, ha1_sha512_256, enabled FROM " + table(options)
                + " WHERE realm = $1 AND ";
        this.byUsername = select + "username = $2";
        this.byUsernames = select + "username = ANY($2)";
        for (HashFunction hash : HashFunction.values()) {
            byUserhash.put(hash, select + Columns.userhash(hash) + " = $2");
        }
    }

    static String table(CredentialDatabaseOptions options) {
        return options.schema() + ".credentials";
    }

    @Override
    public Query byUsername(String realm, String username) {
        return new Query(byUsername, Tuple.of(realm, username));
    }

    /** Several users of one realm in one statement: see {@link LookupBatcher}. */
    Query byUsernames(String realm, List<String> usernames) {
        return new Query(byUsernames, Tuple.tuple().addString(realm).addArrayOfString(usernames.toArray(String[]::new)));
    }

    @Override
    public Optional<Query> byUserhash(String realm, HashFunction hash, String userhash) {
        return Optional.of(new Query(byUserhash.get(hash), Tuple.of(realm, userhash)));
    }

    /**
     * Migrates when configured to. Otherwise only checks: a role without DDL rights runs with
     * {@code migrate: false}, and someone runs {@code authd migrate} with one that has them.
     */
    @Override
    public Future<Optional<String>> prepare(SqlClient client) {
        if (options.migrate()) {
            return PostgresConnections.withConnection(vertx, options, migrations::apply).map(applied -> {
                if (!applied.isEmpty()) {
                    LOG.info("credential schema {}: applied migrations {}", options.schema(), applied);
                }
                return Optional.empty();
            });
        }
        return migrations.pending(client).map(pending -> pending.isEmpty() ? Optional.empty()
                : Optional.of("credential schema " + options.schema() + " lacks migrations " + pending
                + " and credentials.postgres.migrate is false: run `authd migrate` with a role that may change"
                + " the schema"));
    }
}
