package io.authd.credentials;

import io.authd.credentials.postgres.PostgresCredentialStore;
import io.authd.resilience.CallGuard;
import io.authd.testing.TestDatabase;
import io.authd.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract against authd's own table, filled through the admin writes, each test in a fresh schema. */
class PostgresCredentialStoreContractTest extends CredentialStoreContract {
    @RegisterExtension
    private static final TestDatabase DB = new TestDatabase();

    private String schema;
    private PostgresCredentialStore store;

    @Override
    protected CredentialStore storeHolding(List<UserCredentials> users) {
        schema = TestPostgres.newSchema();
        store = PostgresCredentialStore.create(DB.vertx(), TestPostgres.credentialOptions(schema), CallGuard.none());
        users.forEach(user -> assertThat(await(store.create(user))).isInstanceOf(WriteResult.Created.class));
        return store;
    }

    @AfterEach
    void dropSchema() {
        await(store.close());
        TestPostgres.dropSchema(DB.admin(), schema);
    }
}
