package io.authd.testing;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real PostgreSQL for one test class: a Vert.x and an admin client opened before its tests and closed after
 * them. Register it with {@code @RegisterExtension static final TestDatabase db = new TestDatabase();}. Fails the
 * class (never skips it) when the database is not reachable.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {
    private Vertx vertx;
    private SqlClient admin;

    @Override
    public void beforeAll(ExtensionContext context) {
        TestPostgres.requireReachable();
        vertx = Vertx.vertx();
        admin = TestPostgres.admin(vertx);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestPostgres.await(admin.close());
        TestPostgres.await(vertx.close());
    }

    public Vertx vertx() {
        return vertx;
    }

    /** A client for setting up and inspecting tables (as the postgres role of the test URI). */
    public SqlClient admin() {
        return admin;
    }
}
