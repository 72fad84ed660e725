package io.authd.lockout;

import io.authd.testing.BasicRealmsEndToEndTest;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Basic failures count toward the lockout like Digest ones (issue 10: "a wrong password counts toward lockout"). */
class BasicLockoutTest {

    @Test
    void wrongBasicPasswordsLockTheUserOutAndTheRightOneIsThenRefused(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.startWith(dir, TestKeys.ring(1), MutableClock.at("2026-11-23T10:00:00Z"),
                BasicRealmsEndToEndTest.basicRealmsConfig() + LockoutEndToEndTest.LOCKOUT)) {
            for (int i = 0; i < 3; i++) {
                assertThat(verify(server, "guess" + i).getString("reason")).isEqualTo("bad_credentials");
            }

            JsonObject d = verify(server, "wonderland");

            assertThat(d.getString("reason")).isEqualTo("locked_out");
            assertThat(d.getInteger("status")).isEqualTo(429);
            assertThat(TestServer.headers(d, "Retry-After")).containsExactly("10");
        }
    }

    private static JsonObject verify(TestServer server, String password) throws Exception {
        return server.decision("/v1/verify", new JsonObject().put("method", "GET").put("uri", "/x")
                .put("realm", "example.com").put("secure", true).put("clientAddress", "203.0.113.1")
                .put("authorization", BasicRealmsEndToEndTest.basic("alice", password)));
    }
}
