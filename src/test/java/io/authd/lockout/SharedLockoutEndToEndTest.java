package io.authd.lockout;

import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import io.authd.testing.TestPostgres;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.authd.lockout.LockoutClient.http;
import static io.authd.lockout.LockoutClient.sip;
import static org.assertj.core.api.Assertions.assertThat;

/** Two replicas sharing the lockout store: a lockout reached through one holds on the other, and ends on both. */
class SharedLockoutEndToEndTest {
    private static final String REDIS_URI = System.getenv().getOrDefault("AUTHD_TEST_REDIS_URI", "redis://127.0.0.1:6379");

    @Test
    void lockoutReachedOnOneReplicaHoldsOnTheOtherWithRedis(@TempDir Path a, @TempDir Path b) throws Exception {
        String replay = "  redis:\n    uri: " + REDIS_URI + "\n    keyPrefix: \"authd-e2e-" + UUID.randomUUID() + ":\"\n";
        reachedOnAHoldsOnB(a, b, replay, "redis");
    }

    @Test
    void lockoutReachedOnOneReplicaHoldsOnTheOtherWithPostgres(@TempDir Path a, @TempDir Path b) throws Exception {
        TestPostgres.inFreshSchema(schema -> reachedOnAHoldsOnB(a, b,
                "  postgres:\n    uri: " + TestPostgres.URI + "\n    schema: " + schema + "\n", "postgres"));
    }

    private static void reachedOnAHoldsOnB(Path a, Path b, String replayYaml, String store) throws Exception {
        // Near real time: Redis expires keys by its own clock. The replicas pass their clock's time to the store,
        // so advancing the shared test clock ends the lockout on both without sleeping.
        MutableClock clock = new MutableClock(Instant.now());
        String config = TestServer.CONFIG + replayYaml + LockoutEndToEndTest.LOCKOUT + "  store: " + store + "\n";
        try (TestServer first = TestServer.startWith(a, TestKeys.ring(1), clock, config);
             TestServer second = TestServer.startWith(b, TestKeys.ring(1), clock, config)) {
            assertThat(http(first, "alice", "wrong", "203.0.113.1").getString("reason")).isEqualTo("bad_credentials");
            assertThat(http(second, "alice", "wrong", "203.0.113.2").getString("reason")).isEqualTo("bad_credentials");
            assertThat(http(first, "alice", "wrong", "203.0.113.3").getString("reason")).isEqualTo("bad_credentials");

            JsonObject onB = http(second, "alice", "wonderland", "203.0.113.4");
            assertThat(onB.getString("reason")).isEqualTo("locked_out");
            assertThat(onB.getInteger("status")).isEqualTo(429);
            assertThat(TestServer.headers(onB, "Retry-After")).containsExactly("10");
            assertThat(sip(first, "bob", "wrong", "203.0.113.5").getString("reason"))
                    .as("other users are not affected").isEqualTo("bad_credentials");

            clock.advance(Duration.ofSeconds(10));

            assertThat(http(first, "alice", "wonderland", "203.0.113.4").getString("outcome")).isEqualTo("allow");
        }
    }
}
