package io.authd.credentials.postgres;

import io.authd.config.CredentialDatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** How authd connects to the credential database, for the store and for {@code authd migrate}. */
public final class PostgresConnections {
    static final String APPLICATION_NAME = "authd-credentials";

    private PostgresConnections() {
    }

    /**
     * Runs {@code work} on a connection of its own, closed when the work is done: for what needs one session
     * (a transaction), which the store's pipelined client cannot give.
     */
    public static <T> Future<T> withConnection(Vertx vertx, CredentialDatabaseOptions options,
                                               Function<SqlConnection, Future<T>> work) {
        Pool pool;
        try {
            pool = PgBuilder.pool()
                    .with(poolOptions(options).setMaxSize(1))
                    .with(netOptions(options))
                    .connectingTo(connectOptions(options))
                    .using(vertx)
                    .build();
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return pool.withConnection(work).eventually(pool::close);
    }

    /**
     * @throws IllegalArgumentException if the URI does not parse; the message leaves the URI out, since it may
     *                                  hold a password
     */
    static PgConnectOptions connectOptions(CredentialDatabaseOptions options) {
        PgConnectOptions connect;
        try {
            connect = PgConnectOptions.fromUri(options.uri());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("credentials.postgres.uri is not a valid PostgreSQL URI");
        }
        return connect.setCachePreparedStatements(true).addProperty("application_name", APPLICATION_NAME);
    }

    /** Waiting for a pooled connection counts against the same budget as the call itself. */
    static PoolOptions poolOptions(CredentialDatabaseOptions options) {
        return new PoolOptions()
                .setConnectionTimeout(timeoutMillis(options))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    static NetClientOptions netOptions(CredentialDatabaseOptions options) {
        return new NetClientOptions().setConnectTimeout(timeoutMillis(options));
    }

    static int timeoutMillis(CredentialDatabaseOptions options) {
        return Math.toIntExact(options.timeout().toMillis());
    }
}
