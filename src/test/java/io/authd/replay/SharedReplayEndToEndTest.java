package io.authd.replay;

import io.authd.testing.TestPostgres;
import io.authd.testing.ClientDigest;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two replicas sharing a replay store: a nonce-count used on one is refused on the other. */
class SharedReplayEndToEndTest {
    private static final String REDIS_URI = System.getenv().getOrDefault("AUTHD_TEST_REDIS_URI", "redis://127.0.0.1:6379");

    @Test
    void nonceCountUsedOnOneReplicaIsRefusedOnTheOtherWithRedis(@TempDir Path a, @TempDir Path b) throws Exception {
        String yaml = "  store: redis\n  redis:\n    uri: " + REDIS_URI + "\n    keyPrefix: \"authd-e2e-"
                + UUID.randomUUID() + ":\"\n";
        usedOnARefusedOnB(a, b, yaml);
    }

    @Test
    void nonceCountUsedOnOneReplicaIsRefusedOnTheOtherWithPostgres(@TempDir Path a, @TempDir Path b) throws Exception {
        TestPostgres.inFreshSchema(schema -> usedOnARefusedOnB(a, b,
                "  store: postgres\n  postgres:\n    uri: " + TestPostgres.URI + "\n    schema: " + schema + "\n"));
    }

    private static void usedOnARefusedOnB(Path a, Path b, String replayYaml) throws Exception {
        // Real time: Redis (PEXPIREAT) and PostgreSQL (now()) judge expiry by their own clocks.
        MutableClock clock = new MutableClock(java.time.Instant.now());
        try (TestServer first = TestServer.start(a, TestKeys.ring(1), clock, replayYaml);
             TestServer second = TestServer.start(b, TestKeys.ring(1), clock, replayYaml)) {
            JsonObject req = new JsonObject().put("protocol", "sip").put("method", "REGISTER")
                    .put("uri", "sip:sip.example.com").put("realm", "sip.example.com");
            String header = TestServer.headers(first.decision("/v1/challenge", req), "WWW-Authenticate").get(0);
            JsonObject verify = req.copy().put("authorization", ClientDigest.authorization(header, "alice", "wonderland",
                    "REGISTER", "sip:sip.example.com", "00000001", "r1", "auth", null));
            assertThat(first.decision("/v1/verify", verify).getString("outcome")).isEqualTo("allow");
            assertThat(second.decision("/v1/verify", verify).getString("reason")).isEqualTo("replayed_nonce");
            JsonObject next = req.copy().put("authorization", ClientDigest.authorization(header, "alice", "wonderland",
                    "REGISTER", "sip:sip.example.com", "00000002", "r1", "auth", null));
            assertThat(second.decision("/v1/verify", next).getString("outcome")).isEqualTo("allow");
        }
    }
}
