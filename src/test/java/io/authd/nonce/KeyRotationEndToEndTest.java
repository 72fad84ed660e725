package io.authd.nonce;

import io.authd.testing.ClientDigest;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rotation procedure of README "Nonce keys and rotation", step by step through the JSON API, each step a replica
 * started with the ring of that step: a nonce signed by key 1 verifies while key 1 is in the ring, and once it is
 * removed answers {@code invalid_nonce} with a fresh challenge signed by key 2, never an error.
 */
class KeyRotationEndToEndTest {
    private static final JsonObject REQUEST = new JsonObject().put("protocol", "http").put("method", "GET")
            .put("uri", "/x").put("realm", "sha256.example.com");
    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");

    @Test
    void oldNoncesVerifyUntilTheOldKeyIsRemovedThenAnswerInvalidNonce(@TempDir Path a, @TempDir Path b,
                                                                     @TempDir Path c) throws Exception {
        String challengeByKey1;
        try (TestServer before = TestServer.startWith(a, TestKeys.ring(1), clock, TestServer.CONFIG)) {
            challengeByKey1 = challenge(before);
        }

        try (TestServer both = TestServer.startWith(b, TestKeys.ring(1, 2), clock, TestServer.CONFIG)) {
            assertThat(verify(both, challengeByKey1, "00000001").getString("outcome")).isEqualTo("allow");
            assertThat(keyId(challenge(both))).as("the newest key signs").isEqualTo(2);
        }

        try (TestServer after = TestServer.startWith(c, TestKeys.ring(2), clock, TestServer.CONFIG)) {
            JsonObject d = verify(after, challengeByKey1, "00000002");

            assertThat(d.getString("reason")).isEqualTo("invalid_nonce");
            assertThat(d.getString("outcome")).isEqualTo("challenge");
            assertThat(d.getInteger("status")).isEqualTo(401);
            String fresh = TestServer.headers(d, "WWW-Authenticate").get(0);
            assertThat(keyId(fresh)).isEqualTo(2);
            assertThat(verify(after, fresh, "00000001").getString("outcome")).isEqualTo("allow");
        }
    }

    private static String challenge(TestServer server) throws Exception {
        return TestServer.headers(server.decision("/v1/challenge", REQUEST), "WWW-Authenticate").get(0);
    }

    private static JsonObject verify(TestServer server, String challenge, String nc) throws Exception {
        return server.decision("/v1/verify", REQUEST.copy().put("authorization", ClientDigest.authorization(challenge,
                "alice", "wonderland", "GET", "/x", nc, "c1", "auth", null)));
    }

    /** The key id a nonce carries in bytes 1..2 (after the version byte). */
    private static int keyId(String challenge) {
        byte[] nonce = java.util.Base64.getUrlDecoder().decode(ClientDigest.params(challenge).get("nonce"));
        return ((nonce[1] & 0xff) << 8) | (nonce[2] & 0xff);
    }
}
