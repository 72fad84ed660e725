package io.authd.credentials;

import io.authd.credentials.postgres.PostgresCredentialStore;
import io.authd.resilience.CallGuard;
import io.authd.testing.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import static io.authd.credentials.CredentialStoreContract.await;

/** The admin contract against authd's own table, each test in a fresh schema. */
class PostgresCredentialAdminContractTest extends CredentialAdminContract {
    private static Vertx vertx;
    private static SqlClient admin;

    private String schema;
    private PostgresCredentialStore store;

    @BeforeAll
    static void connect() {
        TestPostgres.requireReachable();
        vertx = Vertx.vertx();
        admin = TestPostgres.admin(vertx);
    }

    @AfterAll
    static void disconnect() {
        await(admin.close());
        await(vertx.close());
    }

    @Override
    protected Opened openEmpty() {
        schema = TestPostgres.newSchema();
        store = PostgresCredentialStore.create(vertx, TestPostgres.credentialOptions(schema), CallGuard.none());
        return new Opened(store, store);
    }

    @AfterEach
    void dropSchema() {
        await(store.close());
        TestPostgres.dropSchema(admin, schema);
    }
}
