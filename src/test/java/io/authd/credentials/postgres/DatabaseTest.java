package io.authd.credentials.postgres;

import io.authd.config.CredentialDatabaseOptions;
import io.authd.resilience.CallGuard;
import io.authd.testing.TestDatabase;
import io.authd.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.authd.testing.TestPostgres.await;

/**
 * Tests against the real PostgreSQL: each test gets a fresh schema (and options pointing at it), dropped after it
 * together with the stores it opened.
 */
abstract class DatabaseTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private final List<PostgresCredentialStore> opened = new ArrayList<>();
    String schema;
    CredentialDatabaseOptions options;

    @BeforeEach
    void freshSchema() {
        schema = TestPostgres.newSchema();
        options = TestPostgres.credentialOptions(schema);
    }

    @AfterEach
    void dropSchema() {
        opened.forEach(store -> await(store.close()));
        TestPostgres.dropSchema(DB.admin(), schema);
    }

    PostgresCredentialStore open(CredentialDatabaseOptions o, CallGuard guard) {
        PostgresCredentialStore store = PostgresCredentialStore.create(DB.vertx(), o, guard);
        opened.add(store);
        return store;
    }

    static void sql(String sql) {
        await(DB.admin().query(sql).execute());
    }

    /** The failure of {@code future}, which must fail. */
    static Throwable failure(Future<?> future) {
        return await(future.transform(done -> Future.succeededFuture(Optional.ofNullable(done.cause()))))
                .orElseThrow(() -> new AssertionError("expected a failure, got " + future.result()));
    }

    static List<Row> rows(String sql) {
        List<Row> rows = new ArrayList<>();
        await(DB.admin().query(sql).execute()).forEach(rows::add);
        return rows;
    }
}
