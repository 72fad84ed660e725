package io.authd.server;

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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys in the shared PostgreSQL store: created through one replica's admin API, used on the other, and
 * refused by the other right after the first revoked it (keys are not cached, so there is nothing to wait for).
 */
class ApiKeyReplicasEndToEndTest {
    private static final String REALM = "sip.example.com";

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    private Vertx vertx;
    private SqlClient admin;
    private String schema;
    private TestServer a;
    private TestServer b;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        TestPostgres.requireReachable();
        vertx = Vertx.vertx();
        admin = TestPostgres.admin(vertx);
        schema = TestPostgres.newSchema();
        String credentials = "  store: postgres\n  postgres:\n    uri: " + TestPostgres.URI + "\n    schema: " + schema
                + "\n    timeout: 5s\n";
        String config = TestServer.config(credentials, "").replace("  - name: " + REALM + "\n",
                "  - name: " + REALM + "\n    bearer:\n      apiKeys: true\n");
        MutableClock clock = new MutableClock(Instant.now());
        a = TestServer.startWith(dirA, TestKeys.ring(1), clock, config);
        b = TestServer.startWith(dirB, TestKeys.ring(1), clock, config);
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
    void keyCreatedOnAIsAcceptedOnBAndRefusedOnBRightAfterARevokesIt() throws Exception {
        HttpResponse<String> created = adminCall(a, "POST", "", new JsonObject().put("scopes", new JsonArray().add("sip:register")));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject key = new JsonObject(created.body());
        String id = key.getString("id");

        JsonObject allowed = verify(b, key.getString("key"));
        JsonObject listed = new JsonObject(adminCall(b, "GET", "", null).body());
        HttpResponse<String> revoked = adminCall(a, "DELETE", "/" + id, null);
        JsonObject afterRevoke = verify(b, key.getString("key"));

        assertThat(allowed.getString("outcome")).isEqualTo("allow");
        assertThat(allowed.getJsonObject("identity").getString("subject")).isEqualTo(id);
        assertThat(listed.getJsonArray("apiKeys").getJsonObject(0).fieldNames())
                .containsExactlyInAnyOrder("realm", "id", "scopes");
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(afterRevoke.getString("reason")).isEqualTo("invalid_token");
        assertThat(adminCall(a, "DELETE", "/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void keyWithoutTheRequiredScopeIsForbidden() throws Exception {
        JsonObject key = new JsonObject(adminCall(a, "POST", "", new JsonObject()).body());

        JsonObject d = b.decision("/v1/verify", request(key.getString("key")).put("requiredScopes", new JsonArray().add("sip:register")));

        assertThat(d.getInteger("status")).isEqualTo(403);
        assertThat(d.getString("reason")).isEqualTo("insufficient_scope");
    }

    private JsonObject verify(TestServer server, String key) throws Exception {
        return server.decision("/v1/verify", request(key));
    }

    private static JsonObject request(String key) {
        return new JsonObject().put("protocol", "sip").put("method", "REGISTER").put("uri", "sip:" + REALM)
                .put("realm", REALM).put("authorization", "Bearer " + key);
    }

    private HttpResponse<String> adminCall(TestServer server, String method, String suffix, JsonObject body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.managementUrl("/admin/v1/realms/" + REALM
                        + "/apikeys" + suffix)))
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
