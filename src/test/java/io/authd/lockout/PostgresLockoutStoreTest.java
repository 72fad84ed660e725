package io.authd.lockout;

import io.authd.testing.TestDatabase;
import io.authd.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresLockoutStoreTest extends LockoutStoreContract {
    @RegisterExtension
    private static final TestDatabase DB = new TestDatabase();

    private final String schema = TestPostgres.newSchema();
    private PostgresLockoutStore store;

    @Override
    protected LockoutStore store() {
        return store;
    }

    @BeforeEach
    void prepare() {
        store = PostgresLockoutStore.create(DB.vertx(), TestPostgres.URI, schema, POLICY, Duration.ofSeconds(5),
                Duration.ofMinutes(10), InstantSource.system());
        await(store.ensureSchema());
    }

    @AfterEach
    void close() {
        await(store.close());
        TestPostgres.dropSchema(DB.admin(), schema);
    }

    @Test
    void preparingTheSchemaAgainKeepsTheCounters() {
        long now = System.currentTimeMillis();
        await(store.fail("u:again", 1, now));

        await(store.ensureSchema());

        assertThat(await(store.lockedUntil(List.of("u:again"), now))).isEqualTo(now + 10_000);
    }
}
