package io.authd.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.authd.auth.AuditLog;
import io.authd.admin.AdminToken;
import io.authd.digest.DigestHasher;
import io.authd.digest.HashFunction;
import io.authd.testing.AdminClient;
import io.authd.testing.CapturedLog;
import io.authd.testing.ClientDigest;
import io.authd.testing.MutableClock;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Representative flows (digest allow and deny, a malformed header, admin API writes with a password and with
 * HA1s, a key ring from the configuration) run with every logger at DEBUG, and no rendered line, text or JSON,
 * holds any secret they used. bin/lib/check-test-logs.sh does the same over the output of the whole suite.
 */
class NoSecretsInLogsTest {
    private static final String NONCE_KEY = Base64.getEncoder().encodeToString(
            "nonce-key-material-that-must-stay-secret".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final String CNONCE = "c0ffee5ec7e7c0de";
    private static final String WRONG_PASSWORD = "not-alices-password-8731";
    private static final String CAROL_PASSWORD = "carols-admin-set-password-5512";
    private static final String DAVE_HA1 = "d4e7c0ffee00112233445566778899aa";

    @Test
    void representativeFlowsLogNoSecretAtDebug(@TempDir Path dir) throws Exception {
        String config = TestServer.CONFIG.replace("mode: demo", "mode: production\nnonce:\n  keys: \"9:" + NONCE_KEY + "\"")
                + "logging:\n  format: json\n  audit: true\n";
        List<String> secrets;
        List<ILoggingEvent> events;
        List<String> lines;
        try (CapturedLog log = CapturedLog.everything();
             TestServer server = TestServer.startWith(dir, null, MutableClock.at("2026-11-23T10:00:00Z"), config)) {
            String allowed = verifyAs(server, "alice", "wonderland");
            String denied = verifyAs(server, "alice", WRONG_PASSWORD);
            String malformed = "Digest username=\"alice\", response=\"" + DAVE_HA1 + "\", nonce=";
            server.decision("/v1/verify", sip().put("authorization", malformed));
            AdminClient admin = new AdminClient(server);
            assertThat(admin.createUser("example.com", "carol", CAROL_PASSWORD).statusCode()).isEqualTo(201);
            assertThat(admin.changeUser("example.com", "carol", new JsonObject().put("ha1",
                    new JsonObject().put("MD5", DAVE_HA1))).statusCode()).isEqualTo(200);
            assertThat(server.get(server.managementUrl("/admin/v1/realms/example.com/users"),
                    "Authorization", "Bearer wrong-" + TestServer.ADMIN_TOKEN).statusCode()).isEqualTo(401);
            secrets = List.of("wonderland", WRONG_PASSWORD, CAROL_PASSWORD, DAVE_HA1, NONCE_KEY, CNONCE,
                    TestServer.ADMIN_TOKEN, AdminToken.hash(TestServer.ADMIN_TOKEN), allowed, denied, malformed,
                    response(allowed), response(denied), ha1("alice", "wonderland"), ha1("carol", CAROL_PASSWORD));
            events = log.events();
            lines = log.rendered();
        }

        assertThat(events).filteredOn(e -> e.getLoggerName().equals(AuditLog.LOGGER)).as("audit events")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(String.join("\n", lines)).contains("\"user\":\"alice\"").contains("\"outcome\":\"allow\"")
                .contains("\"reason\":\"bad_credentials\"").contains("\"reason\":\"malformed_credentials\"");
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).as("a log line holds a secret").doesNotContain(secret);
            }
        }
    }

    /** Challenge, answer as alice's client with {@code password}, verify; returns the Authorization value sent. */
    private static String verifyAs(TestServer server, String user, String password) throws Exception {
        JsonObject challenge = server.decision("/v1/challenge", sip());
        String header = TestServer.headers(challenge, "WWW-Authenticate").get(0);
        String auth = ClientDigest.authorization(header, user, password, "REGISTER", "sip:example.com", "00000001",
                CNONCE, "auth", null);
        server.decision("/v1/verify", sip().put("authorization", auth));
        return auth;
    }

    private static JsonObject sip() {
        return new JsonObject().put("protocol", "sip").put("method", "REGISTER").put("uri", "sip:example.com")
                .put("realm", "example.com");
    }

    private static String response(String authorization) {
        return ClientDigest.params(authorization).get("response");
    }

    private static String ha1(String user, String password) {
        return DigestHasher.current().ha1(HashFunction.SHA_256, user, "example.com", password);
    }
}
