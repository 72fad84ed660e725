package io.authd.bearer;

import io.authd.testing.AdminClient;
import io.authd.testing.BasicRealmsEndToEndTest;
import io.authd.testing.CapturedLog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys where web clients usually put them: an {@code X-API-Key} header on forward-auth and the {@code apiKey}
 * field of /v1/verify, in a realm with {@code bearer.apiKeyHeader} ({@code example.com}), and ignored in a realm
 * that reads keys in {@code Authorization: Bearer} only ({@code md5.example.com}). Realms as in {@link BasicRealmsEndToEndTest}.
 */
class ApiKeyHeaderEndToEndTest extends BasicRealmsEndToEndTest {
    static String key;
    static String keyId;
    static String bearerOnlyKey;

    @BeforeAll
    static void createKeys() throws Exception {
        AdminClient admin = new AdminClient(server);
        JsonObject created = new JsonObject(admin.createApiKey("example.com",
                new JsonObject().put("scopes", new JsonArray().add("read"))).body());
        key = created.getString("key");
        keyId = created.getString("id");
        bearerOnlyKey = new JsonObject(admin.createApiKey("md5.example.com", new JsonObject()).body()).getString("key");
    }

    private static HttpResponse<String> forwardAuth(String realm, String... headers) throws Exception {
        return server.get(server.url("/v1/forward-auth?realm=" + realm), headers);
    }

    private static JsonObject verify(String realm, String apiKey) throws Exception {
        return server.decision("/v1/verify", new JsonObject().put("method", "GET").put("uri", "/api")
                .put("realm", realm).put("apiKey", apiKey));
    }

    @Test
    void keyInXApiKeyIsAcceptedOnForwardAuthAndTheIdentityNamesItsIdOnly() throws Exception {
        HttpResponse<String> r = forwardAuth("example.com", "X-API-Key", key);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Authd-User")).hasValue(keyId);
        assertThat(r.headers().firstValue("X-Authd-Scheme")).hasValue("Bearer");
        assertThat(r.body()).doesNotContain(key.substring(key.lastIndexOf('_') + 1));
    }

    @Test
    void headerNameIsCaseInsensitive() throws Exception {
        assertThat(forwardAuth("example.com", "x-api-key", key).statusCode()).isEqualTo(200);
    }

    @Test
    void keyInTheApiKeyFieldIsAcceptedOnTheJsonApi() throws Exception {
        JsonObject d = verify("example.com", key);

        assertThat(d.getString("outcome")).isEqualTo("allow");
        assertThat(d.getJsonObject("identity").getString("subject")).isEqualTo(keyId);
        assertThat(d.getJsonObject("identity").getJsonArray("scopes")).containsExactly("read");
    }

    @Test
    void keyOutsideAuthorizationIsIgnoredWhereTheRealmDoesNotReadItThere() throws Exception {
        HttpResponse<String> header = forwardAuth("md5.example.com", "X-API-Key", bearerOnlyKey);
        JsonObject field = verify("md5.example.com", bearerOnlyKey);

        assertThat(header.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(header.body()).getString("reason")).isEqualTo("missing_credentials");
        assertThat(field.getString("reason")).isEqualTo("missing_credentials");
        // The key itself is good: in Authorization the realm takes it.
        assertThat(forwardAuth("md5.example.com", "Authorization", "Bearer " + bearerOnlyKey).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongSecretInTheHeaderIsInvalidToken() throws Exception {
        String wrong = key.substring(0, key.length() - 4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA");
        JsonObject d = new JsonObject(forwardAuth("example.com", "X-API-Key", wrong).body());

        assertThat(d.getString("reason")).isEqualTo("invalid_token");
    }

    @Test
    void onlyApiKeysAreTakenFromTheHeaderNotJwts() throws Exception {
        JsonObject d = verify("example.com", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln");

        assertThat(d.getString("reason")).isEqualTo("invalid_token");
        assertThat(d.getString("detail")).isEqualTo("not an API key");
    }

    @Test
    void authorizationCredentialsComeBeforeTheHeader() throws Exception {
        HttpResponse<String> r = forwardAuth("example.com", "X-API-Key", key, "Authorization", "Bearer " + key + "x");

        assertThat(new JsonObject(r.body()).getString("reason")).isEqualTo("invalid_token");
    }

    @Test
    void theKeyNeverReachesTheLogs() throws Exception {
        String secret = key.substring(key.lastIndexOf('_') + 1);
        try (CapturedLog log = CapturedLog.everything()) {
            forwardAuth("example.com", "X-API-Key", key);
            forwardAuth("example.com", "X-API-Key", key + "x");
            verify("example.com", key);

            assertThat(log.rendered()).isNotEmpty().noneMatch(l -> l.contains(secret));
        }
    }
}
