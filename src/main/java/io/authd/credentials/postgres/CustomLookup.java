package io.authd.credentials.postgres;

import io.authd.config.LookupOptions;
import io.authd.digest.HashFunction;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lookups with the operator's queries ({@code credentials.postgres.lookup}), over a table another system owns
 * (Kamailio's or OpenSIPS's {@code subscriber}). See {@link LookupOptions} for the column contract.
 */
final class CustomLookup implements UserQueries {
    static final String BY_USERNAME_KEY = "credentials.postgres.lookup.byUsername";
    static final String BY_USERHASH_KEY = "credentials.postgres.lookup.byUserhash";
    /** A user needs one of these to be verified at all. */
    private static final List<String> CREDENTIAL_COLUMNS = Stream.concat(
            Arrays.stream(HashFunction.values()).map(Columns::ha1), Stream.of(Columns.PASSWORD)).toList();
    /** SQLSTATE class 42: syntax error or access rule violation, e.g. a misspelt table or column. */
    private static final String QUERY_MISTAKE = "42";

    private final LookupOptions lookup;

    CustomLookup(LookupOptions lookup) {
        this.lookup = lookup;
    }

    @Override
    public Query byUsername(String realm, String username) {
        return new Query(lookup.byUsername(), Tuple.of(realm, username));
    }

    @Override
    public Optional<Query> byUserhash(String realm, HashFunction hash, String userhash) {
        return Optional.ofNullable(lookup.byUserhash())
                .map(sql -> new Query(sql, Tuple.of(realm, userhash, hash.token())));
    }

    /**
     * Runs each query once for a user that cannot exist (empty names) and checks the columns it returns: a query
     * that returns no credential column would find users that can never log in, which is a configuration mistake
     * to report at start, not at the first request.
     */
    @Override
    public Future<Optional<String>> prepare(SqlClient client) {
        Future<Optional<String>> byUsername = check(client, byUsername("", ""), BY_USERNAME_KEY, List.of());
        return byUserhash("", HashFunction.MD5, "")
                .map(query -> byUsername.compose(problem -> problem.isPresent() ? Future.succeededFuture(problem)
                        : check(client, query, BY_USERHASH_KEY, List.of(Columns.USERNAME))))
                .orElse(byUsername);
    }

    private static Future<Optional<String>> check(SqlClient client, Query query, String key, List<String> required) {
        return client.preparedQuery(query.sql()).execute(query.params())
                .map(rows -> columnProblem(key, rows.columnsNames(), required))
                .recover(e -> e instanceof PgException pg && pg.getSqlState() != null
                        && pg.getSqlState().startsWith(QUERY_MISTAKE)
                        ? Future.succeededFuture(Optional.of(key + " does not run: " + pg.getErrorMessage()))
                        : Future.failedFuture(e));
    }

    private static Optional<String> columnProblem(String key, List<String> columns, List<String> required) {
        if (columns.stream().noneMatch(CREDENTIAL_COLUMNS::contains)) {
            return Optional.of(key + " returns columns " + columns + " but none of " + CREDENTIAL_COLUMNS
                    + ": alias the HA1 or password columns with AS");
        }
        List<String> missing = required.stream().filter(c -> !columns.contains(c)).toList();
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(key + " returns columns " + columns + " but lacks " + missing);
    }
}
