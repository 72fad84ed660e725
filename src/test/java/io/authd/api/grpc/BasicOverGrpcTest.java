package io.authd.api.grpc;

import io.authd.api.grpc.v1.ChallengeRequest;
import io.authd.api.grpc.v1.Decision;
import io.authd.api.grpc.v1.VerifyRequest;
import io.authd.testing.AdminClient;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.authd.testing.BasicRealmsEndToEndTest;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.GrpcStatus;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Basic and the API-key field over authd.v1.Authenticator decide as over the JSON API: the same request (its
 * {@code secure} and {@code apiKey} fields included) gives the same Decision, compared in proto3 JSON form with
 * the fresh nonce and opaque values masked. Realms as in {@link BasicRealmsEndToEndTest}.
 */
class BasicOverGrpcTest extends BasicRealmsEndToEndTest {
    @AutoClose
    static GrpcTestClient grpc;

    @BeforeAll
    static void connect() {
        grpc = new GrpcTestClient(server.port());
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

    /** Envoy ext_authz: the request is secure when Envoy saw it over https (its {@code scheme} attribute). */
    @ParameterizedTest(name = "scheme {0}")
    @CsvSource({"https, 200", "http, 401"})
    void envoyCheckTakesBasicOnlyWhenItsSchemeIsHttps(String scheme, int status) throws Exception {
        CheckRequest check = CheckRequest.newBuilder().setAttributes(AttributeContext.newBuilder()
                .setRequest(AttributeContext.Request.newBuilder().setHttp(AttributeContext.HttpRequest.newBuilder()
                        .setMethod("GET").setPath("/private").setScheme(scheme)
                        .putHeaders("authorization", basic("alice", "wonderland"))))
                .putContextExtensions("realm", "example.com")).build();
        GrpcTestClient.Reply<CheckResponse> r = grpc.call("envoy.service.auth.v3.Authorization", "Check", check,
                CheckResponse.getDefaultInstance());

        CheckResponse answer = r.message();
        int answered = answer.hasOkResponse() ? 200 : answer.getDeniedResponse().getStatus().getCodeValue();
        assertThat(answered).isEqualTo(status);
        if (answer.hasOkResponse()) {
            assertThat(answer.getOkResponse().getHeadersList()).anyMatch(h -> h.getHeader().getKey().equals("X-Authd-Scheme")
                    && h.getHeader().getValue().equals("Basic"));
        }
    }
}
