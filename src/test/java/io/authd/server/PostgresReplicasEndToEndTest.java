package io.authd.server;

import io.authd.testing.AdminClient;
import io.authd.testing.ClientDigest;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import io.authd.testing.TestPostgres;
import io.authd.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas, as behind one Kubernetes Service: same key ring, users in one PostgreSQL, replay state in one
 * Redis or PostgreSQL. Whatever one replica mints, uses or changes, the other honours: nonces, users, API keys.
 */
class PostgresReplicasEndToEndTest {
    private static final String REALM = "sip.example.com";
    private static final String REDIS_URI = System.getenv().getOrDefault("AUTHD_TEST_REDIS_URI", "redis://127.0.0.1:6379");
    /** The promise: a change made through one replica is enforced by every other within a second. */
    private static final Duration PROPAGATION = Duration.ofSeconds(1);

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    private Vertx vertx;
    private SqlClient admin;
    private String schema;
    private TestServer a;
    private TestServer b;
    private int nc;

    @BeforeEach
    void database() {
        TestPostgres.requireReachable();
        vertx = Vertx.vertx();
        admin = TestPostgres.admin(vertx);
        schema = TestPostgres.newSchema();
    }

    @AfterEach
    void stop() throws Exception {
        for (TestServer s : new TestServer[] {a, b}) {
            if (s != null) {
                s.close();
            }
        }
        TestPostgres.dropSchema(admin, schema);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void replicasShareUsersNoncesAndCountsWithRedisReplay() throws Exception {
        startReplicas("  store: redis\n  redis:\n    uri: " + REDIS_URI + "\n    keyPrefix: \"authd-e2e-"
                + UUID.randomUUID() + ":\"\n");
        nonceMintedOnAVerifiesOnBAndItsCountsAreShared();
    }

    @Test
    void replicasShareUsersNoncesAndCountsWithPostgresReplay() throws Exception {
        startReplicas("  store: postgres\n  postgres:\n    uri: " + TestPostgres.URI + "\n    schema: " + schema + "\n");
        nonceMintedOnAVerifiesOnBAndItsCountsAreShared();
    }

    @Test
    void passwordChangedThroughAIsEnforcedByBWithinASecond() throws Exception {
        startReplicas("");
        assertThat(new AdminClient(a).createUser(REALM, "carol", "old-password").statusCode()).isEqualTo(201);
        String challenge = challenge(b);
        assertThat(verify(b, challenge, "carol", "old-password").getString("outcome")).isEqualTo("allow"); // now cached on B

        assertThat(new AdminClient(a).changeUser(REALM, "carol", new JsonObject().put("password", "new-password"))
                .statusCode()).isEqualTo(200);
        Duration took = untilReason(b, challenge, "carol", "old-password", "bad_credentials");

        assertThat(took).isLessThan(PROPAGATION);
        assertThat(verify(b, challenge, "carol", "new-password").getString("outcome")).isEqualTo("allow");
    }

    @Test
    void userDisabledOrDeletedThroughAIsRefusedByBWithinASecond() throws Exception {
        startReplicas("");
        AdminClient adminA = new AdminClient(a);
        adminA.createUser(REALM, "dave", "pw-dave");
        adminA.createUser(REALM, "erin", "pw-erin");
        String challenge = challenge(b);
        assertThat(verify(b, challenge, "dave", "pw-dave").getString("outcome")).isEqualTo("allow");
        assertThat(verify(b, challenge, "erin", "pw-erin").getString("outcome")).isEqualTo("allow");

        adminA.changeUser(REALM, "dave", new JsonObject().put("enabled", false));
        adminA.deleteUser(REALM, "erin");

        assertThat(untilReason(b, challenge, "dave", "pw-dave", "bad_credentials")).isLessThan(PROPAGATION);
        assertThat(untilReason(b, challenge, "erin", "pw-erin", "bad_credentials")).isLessThan(PROPAGATION);
    }

    @Test
    void apiKeyCreatedOnAIsAcceptedOnBAndRefusedOnBRightAfterARevokesIt() throws Exception {
        startReplicas("");
        AdminClient adminA = new AdminClient(a);
        HttpResponse<String> created = adminA.createApiKey(REALM, new JsonObject().put("scopes", new JsonArray().add("sip:register")));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject key = new JsonObject(created.body());
        String id = key.getString("id");

        JsonObject allowed = b.decision("/v1/verify", bearer(key.getString("key")));
        JsonObject listed = new JsonObject(new AdminClient(b).listApiKeys(REALM).body());
        int revoked = adminA.revokeApiKey(REALM, id).statusCode();
        JsonObject afterRevoke = b.decision("/v1/verify", bearer(key.getString("key")));

        assertThat(allowed.getString("outcome")).isEqualTo("allow");
        assertThat(allowed.getJsonObject("identity").getString("subject")).isEqualTo(id);
        assertThat(listed.getJsonArray("apiKeys").getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("realm", "id", "scopes");
        assertThat(revoked).isEqualTo(204);
        assertThat(afterRevoke.getString("reason")).as("no cache to wait for").isEqualTo("invalid_token");
        assertThat(adminA.revokeApiKey(REALM, id).statusCode()).isEqualTo(404);
    }

    @Test
    void apiKeyWithoutTheRequiredScopeIsForbidden() throws Exception {
        startReplicas("");
        JsonObject key = new JsonObject(new AdminClient(a).createApiKey(REALM, new JsonObject()).body());

        JsonObject d = b.decision("/v1/verify", bearer(key.getString("key")).put("requiredScopes", new JsonArray().add("sip:register")));

        assertThat(d.getInteger("status")).isEqualTo(403);
        assertThat(d.getString("reason")).isEqualTo("insufficient_scope");
    }

    private static JsonObject bearer(String key) {
        return new JsonObject().put("protocol", "sip").put("method", "REGISTER").put("uri", "sip:" + REALM)
                .put("realm", REALM).put("authorization", "Bearer " + key);
    }

    private void nonceMintedOnAVerifiesOnBAndItsCountsAreShared() throws Exception {
        assertThat(new AdminClient(a).createUser(REALM, "alice", "wonderland").statusCode()).isEqualTo(201);
        String challenge = challenge(a);
        JsonObject first = verifyRequest(challenge, "alice", "wonderland", "00000001");

        assertThat(b.decision("/v1/verify", first).getString("outcome")).isEqualTo("allow");
        assertThat(a.decision("/v1/verify", first).getString("reason")).isEqualTo("replayed_nonce");
        assertThat(a.decision("/v1/verify", verifyRequest(challenge, "alice", "wonderland", "00000002"))
                .getString("outcome")).isEqualTo("allow");
    }

    /** Both replicas on the same database schema, key ring and replay store; real time, as shared stores need. */
    private void startReplicas(String replayYaml) throws Exception {
        String credentials = "  store: postgres\n  postgres:\n    uri: " + TestPostgres.URI + "\n    schema: " + schema
                + "\n    timeout: 5s\n";
        // The realm also takes API keys (Bearer ak_...), kept in the same database.
        String config = TestServer.config(credentials, replayYaml).replace("  - name: " + REALM + "\n",
                "  - name: " + REALM + "\n    bearer:\n      apiKeys: true\n");
        MutableClock clock = new MutableClock(Instant.now());
        a = TestServer.startWith(dirA, TestKeys.ring(1), clock, config);
        b = TestServer.startWith(dirB, TestKeys.ring(1), clock, config);
    }

    /** How long until {@code server} answers {@code reason} to a correct-for-{@code password} response. */
    private Duration untilReason(TestServer server, String challenge, String user, String password, String reason)
            throws Exception {
        long start = System.nanoTime();
        Duration limit = PROPAGATION.multipliedBy(5); // measured below; the limit only ends a hopeless wait
        while (!reason.equals(verify(server, challenge, user, password).getString("reason"))) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(user + " still not " + reason).isLessThan(limit);
            Thread.sleep(10);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("%s on the other replica after %d ms%n", reason, took.toMillis()); // for the closing note
        return took;
    }

    private static String challenge(TestServer server) throws Exception {
        JsonObject request = new JsonObject().put("protocol", "sip").put("realm", REALM).put("algorithms",
                new io.vertx.core.json.JsonArray().add("MD5"));
        return TestServer.headers(server.decision("/v1/challenge", request), "WWW-Authenticate").get(0);
    }

    private JsonObject verify(TestServer server, String challenge, String user, String password) throws Exception {
        return server.decision("/v1/verify", verifyRequest(challenge, user, password, String.format("%08x", ++nc)));
    }

    private static JsonObject verifyRequest(String challenge, String user, String password, String nc) {
        return new JsonObject().put("protocol", "sip").put("method", "REGISTER").put("uri", "sip:" + REALM)
                .put("realm", REALM).put("authorization", ClientDigest.authorization(challenge, user, password,
                        "REGISTER", "sip:" + REALM, nc, "c-" + nc, "auth", null));
    }
}
