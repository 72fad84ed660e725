package io.authd.api.http;

import io.authd.testing.ClientDigest;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Two server instances holding one key ring behave as replicas behind one Service. */
class TwoReplicasEndToEndTest {

    @Test
    void nonceMintedByOneReplicaIsVerifiedByTheOther(@TempDir Path a, @TempDir Path b) throws Exception {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        try (TestServer first = TestServer.start(a, TestKeys.ring(1, 2), clock);
             TestServer second = TestServer.start(b, TestKeys.ring(1, 2), clock)) {
            JsonObject req = new JsonObject().put("protocol", "sip").put("method", "REGISTER")
                    .put("uri", "sip:sip.example.com").put("realm", "sip.example.com");
            String header = TestServer.headers(first.decision("/v1/challenge", req), "WWW-Authenticate").get(0);
            String auth = ClientDigest.authorization(header, "alice", "wonderland", "REGISTER", "sip:sip.example.com",
                    "00000001", "deadbeef", "auth", null);
            JsonObject d = second.decision("/v1/verify", req.copy().put("authorization", auth));
            assertThat(d.getString("outcome")).isEqualTo("allow");
        }
    }

    @Test
    void replicaWithoutTheKeyRefusesTheNonce(@TempDir Path a, @TempDir Path b) throws Exception {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        try (TestServer first = TestServer.start(a, TestKeys.ring(2), clock);
             TestServer second = TestServer.start(b, TestKeys.ring(1), clock)) {
            JsonObject req = new JsonObject().put("method", "GET").put("uri", "/x").put("realm", "md5.example.com");
            String header = TestServer.headers(first.decision("/v1/challenge", req), "WWW-Authenticate").get(0);
            String auth = ClientDigest.authorization(header, "alice", "wonderland", "GET", "/x", "00000001", "c", "auth", null);
            assertThat(second.decision("/v1/verify", req.copy().put("authorization", auth)).getString("reason"))
                    .isEqualTo("invalid_nonce");
        }
    }
}
