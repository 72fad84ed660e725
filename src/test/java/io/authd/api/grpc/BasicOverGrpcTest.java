package io.authd.api.grpc;

import io.authd.api.grpc.v1.ChallengeRequest;
import io.authd.api.grpc.v1.Decision;
import io.authd.api.grpc.v1.VerifyRequest;
import io.authd.testing.AdminClient;
import io.authd.testing.BasicRealms;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.GrpcStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Basic and the API-key field over authd.v1.Authenticator decide as over the JSON API: the same request (its
 * {@code secure} and {@code apiKey} fields included) gives the same Decision, compared in proto3 JSON form with
 * the fresh nonce and opaque values masked. Realms as in {@link BasicRealms}.
 */
class BasicOverGrpcTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static GrpcTestClient grpc;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.startWith(dir, TestKeys.ring(1), MutableClock.at("2026-11-23T10:00:00Z"), BasicRealms.config());
        grpc = new GrpcTestClient(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        grpc.close();
        server.close();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject request(String authorization, boolean secure) {
        return new JsonObject().put("method", "GET").put("uri", "/private").put("realm", "example.com")
                .put("authorization", new JsonArray().add(authorization)).put("secure", secure);
    }

    private static JsonObject overGrpc(String method, com.google.protobuf.MessageLite request) throws Exception {
        GrpcTestClient.Reply<Decision> r = grpc.call("authd.v1.Authenticator", method, request, Decision.getDefaultInstance());
        assertThat(r.status()).as(r.statusMessage()).isEqualTo(GrpcStatus.OK);
        JsonObject d = GrpcTestClient.json(r.message());
        // proto3 JSON leaves out an empty repeated field; the JSON API always writes "headers".
        return d.containsKey("headers") ? d : d.put("headers", new JsonArray());
    }

    /** The Decision over both APIs, after checking they are the same but for fresh nonces. */
    private static JsonObject both(JsonObject request) throws Exception {
        JsonObject json = server.decision("/v1/verify", request);
        JsonObject grpcJson = overGrpc("Verify", GrpcTestClient.parse(request, VerifyRequest.newBuilder()).build());
        assertThat(mask(grpcJson)).isEqualTo(mask(json));
        return json;
    }

    private static JsonObject mask(JsonObject decision) {
        return new JsonObject(decision.encode().replaceAll("(nonce|opaque)=\\\\\"[^\\\\]*\\\\\"", "$1=*"));
    }

    @Test
    void basicWithSecureIsAllowedAlike() throws Exception {
        JsonObject d = both(request(basic("alice", "wonderland"), true));

        assertThat(d.getString("outcome")).isEqualTo("allow");
        assertThat(d.getJsonObject("identity")).isEqualTo(new JsonObject().put("scheme", "Basic").put("user", "alice")
                .put("realm", "example.com"));
    }

    @Test
    void basicWithoutSecureIsRefusedAlike() throws Exception {
        JsonObject d = both(request(basic("alice", "wonderland"), false));

        assertThat(d.getString("reason")).isEqualTo("missing_credentials");
    }

    @Test
    void wrongBasicPasswordIsBadCredentialsAlike() throws Exception {
        JsonObject d = both(request(basic("alice", "guess"), true));

        assertThat(d.getString("reason")).isEqualTo("bad_credentials");
        assertThat(TestServer.headers(d, "WWW-Authenticate")).last().asString().startsWith("Basic ");
    }

    @Test
    void apiKeyFieldIsAllowedAlike() throws Exception {
        // With a scope: proto3 JSON leaves an empty scopes list out, where the JSON API writes [].
        String key = new JsonObject(new AdminClient(server).createApiKey("example.com",
                new JsonObject().put("scopes", new JsonArray().add("read"))).body()).getString("key");
        JsonObject d = both(new JsonObject().put("method", "GET").put("uri", "/api").put("realm", "example.com")
                .put("apiKey", key));

        assertThat(d.getString("outcome")).isEqualTo("allow");
        assertThat(d.getJsonObject("identity").getString("scheme")).isEqualTo("Bearer");
    }

    @Test
    void secureChallengeOffersBasicLastOverGrpc() throws Exception {
        JsonObject d = overGrpc("Challenge", ChallengeRequest.newBuilder().setRealm("example.com").setSecure(true).build());

        assertThat(TestServer.headers(d, "WWW-Authenticate")).last()
                .isEqualTo("Basic realm=\"example.com\", charset=\"UTF-8\"");
    }
}
