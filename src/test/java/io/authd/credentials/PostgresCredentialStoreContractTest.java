package io.authd.credentials;

import io.authd.credentials.postgres.PostgresCredentialStore;
import io.authd.resilience.CallGuard;
import io.authd.testing.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract against authd's own table, filled through the admin writes, each test in a fresh schema. */
class PostgresCredentialStoreContractTest extends CredentialStoreContract {
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
    protected CredentialStore storeHolding(List<UserCredentials> users) {
        schema = TestPostgres.newSchema();
        store = PostgresCredentialStore.create(vertx, TestPostgres.credentialOptions(schema), CallGuard.none());
        users.forEach(user -> assertThat(await(store.create(user))).isInstanceOf(WriteResult.Created.class));
        return store;
    }

    @AfterEach
    void dropSchema() {
        await(store.close());
        TestPostgres.dropSchema(admin, schema);
    }
}
