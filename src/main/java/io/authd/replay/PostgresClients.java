package io.authd.replay;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The PostgreSQL client the shared stores use: pipelined, connecting lazily, each call bounded by the timeout. */
public final class PostgresClients {
    private PostgresClients() {
    }

    /**
     * @param name the {@code pool_name} of Vert.x's {@code vertx_pool_*} meters and the session's
     *             {@code application_name} (the default pool name is the same for every pool)
     */
    public static SqlClient pipelined(Vertx vertx, String uri, Duration timeout, String name) {
        int millis = Math.toIntExact(timeout.toMillis());
        PgConnectOptions connect = PgConnectOptions.fromUri(uri)
                .setCachePreparedStatements(true)
                // Server side too: a statement stuck behind a row lock gives up instead of holding a
                // pipelined connection that every later request would queue behind.
                .addProperty("lock_timeout", millis + "ms")
                .addProperty("application_name", name);
        // The pipelined client (not a pool of exclusive connections): each call is one short statement.
        return PgBuilder.client()
                .with(new PoolOptions().setConnectionTimeout(millis).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                        .setName(name))
                .with(new NetClientOptions().setConnectTimeout(millis))
                .connectingTo(connect)
                .using(vertx)
                .build();
    }
}
