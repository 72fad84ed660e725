package io.authd.credentials.postgres;

import io.authd.digest.HashFunction;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.util.Optional;

/** Where the store reads users: authd's own table, or the operator's queries over a table authd does not own. */
sealed interface UserQueries permits OwnTable, CustomLookup {

    Query byUsername(String realm, String username);

    /** Empty when users cannot be found by userhash. */
    Optional<Query> byUserhash(String realm, HashFunction hash, String userhash);

    /**
     * Makes sure the queries can run: the schema is current (migrated first when configured), or the custom
     * queries run and return the columns a user needs.
     *
     * @return why the store cannot serve, as an operator must read it; empty when it can. A failed future
     * means the database could not be asked.
     */
    Future<Optional<String>> prepare(SqlClient client);
}
