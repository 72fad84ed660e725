package io.authd.lockout;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.UUID;

class RedisLockoutStoreTest extends LockoutStoreContract {
    private static final String REDIS_URI = System.getenv().getOrDefault("AUTHD_TEST_REDIS_URI", "redis://127.0.0.1:6379");
    private final Vertx vertx = Vertx.vertx();
    private final RedisLockoutStore store = RedisLockoutStore.create(vertx, REDIS_URI,
            "authd-test-" + UUID.randomUUID() + ":", POLICY, Duration.ofSeconds(5));

    @Override
    protected LockoutStore store() {
        return store;
    }

    @AfterEach
    void close() {
        await(store.close().transform(v -> vertx.close()));
    }
}
