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

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** How authd connects to the credential database, for the store and for {@code authd migrate}. */
public final class PostgresConnections {
    static final String APPLICATION_NAME = "authd-credentials";
    /**
     * For a session of its own: not on a request's path, and its first connect may pay for a cold start (class
     * loading, TLS, authentication) that would not fit a lookup's timeout.
     */
    private static final Duration SESSION_CONNECT_TIMEOUT = Duration.ofSeconds(10);

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
                    .with(poolOptions(SESSION_CONNECT_TIMEOUT).setMaxSize(1))
                    .with(netOptions(SESSION_CONNECT_TIMEOUT))
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

    /** Waiting for a pooled connection counts against the same budget as connecting. */
    static PoolOptions poolOptions(Duration timeout) {
        return new PoolOptions()
                .setConnectionTimeout(millis(timeout))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    static NetClientOptions netOptions(Duration timeout) {
        return new NetClientOptions().setConnectTimeout(millis(timeout));
    }

    static int millis(Duration timeout) {
        return Math.toIntExact(timeout.toMillis());
    }
}
