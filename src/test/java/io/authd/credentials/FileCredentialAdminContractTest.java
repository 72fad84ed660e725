package io.authd.credentials;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The admin contract against the credentials file: the same cases the PostgreSQL store passes. */
class FileCredentialAdminContractTest extends CredentialAdminContract {
    @TempDir
    Path dir;
    private Vertx vertx;
    private FileCredentialStore store;

    @Override
    protected Opened openEmpty() {
        vertx = Vertx.vertx();
        store = FileCredentialStore.open(Fixtures.file(dir.resolve("credentials.yaml"), List.of()));
        store.start(vertx, Duration.ofHours(1)); // writes need the worker pool; no reload should interfere
        return new Opened(store, store);
    }

    @AfterEach
    void close() throws Exception {
        store.stop();
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
