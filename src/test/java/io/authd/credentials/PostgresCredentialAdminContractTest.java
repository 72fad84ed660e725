package io.authd.credentials;

import io.authd.credentials.postgres.PostgresCredentialStore;
import io.authd.resilience.CallGuard;
import io.authd.testing.TestDatabase;
import io.authd.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.authd.credentials.CredentialStoreContract.await;

/** The admin contract against authd's own table, each test in a fresh schema. */
class PostgresCredentialAdminContractTest extends CredentialAdminContract {
    @RegisterExtension
    private static final TestDatabase DB = new TestDatabase();

    private String schema;
    private PostgresCredentialStore store;

    @Override
    protected Opened openEmpty() {
        schema = TestPostgres.newSchema();
        store = PostgresCredentialStore.create(DB.vertx(), TestPostgres.credentialOptions(schema), CallGuard.none());
        return new Opened(store, store);
    }

    @AfterEach
    void dropSchema() {
        await(store.close());
        TestPostgres.dropSchema(DB.admin(), schema);
    }
}
