package io.authd.api.grpc;

import io.authd.api.grpc.v1.ChallengeRequest;
import io.authd.api.grpc.v1.Decision;
import io.authd.api.grpc.v1.VerifyRequest;
import io.authd.testing.ClientDigest;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.GrpcStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's promise that gRPC and HTTP/JSON decide alike: every scenario runs over both APIs of one real
 * server, and the two Decisions are compared field by field (the gRPC one in its proto3 JSON form), after
 * masking only the values that are fresh on every call (nonce, opaque, rspauth, nextnonce).
 */
class SameDecisionsOverJsonAndGrpcTest extends GrpcEndToEndTest {

    /** One of the two APIs, seen through the JSON shape of its requests and Decisions. */
    private interface Api {
        JsonObject challenge(JsonObject request) throws Exception;

        JsonObject verify(JsonObject request) throws Exception;
    }

    private static final Api JSON = new Api() {
        @Override
        public JsonObject challenge(JsonObject request) throws Exception {
            return server.decision("/v1/challenge", request);
        }

        @Override
        public JsonObject verify(JsonObject request) throws Exception {
            return server.decision("/v1/verify", request);
        }
    };

    private static final Api GRPC = new Api() {
        @Override
        public JsonObject challenge(JsonObject request) throws Exception {
            return decision("Challenge", GrpcTestClient.parse(request, ChallengeRequest.newBuilder()).build());
        }

        @Override
        public JsonObject verify(JsonObject request) throws Exception {
            return decision("Verify", GrpcTestClient.parse(request, VerifyRequest.newBuilder()).build());
        }

        private JsonObject decision(String method, com.google.protobuf.MessageLite request) throws Exception {
            GrpcTestClient.Reply<Decision> r = grpc.call("authd.v1.Authenticator", method, request,
                    Decision.getDefaultInstance());
            assertThat(r.status()).as(r.statusMessage()).isEqualTo(GrpcStatus.OK);
            JsonObject d = GrpcTestClient.json(r.message());
            // proto3 JSON leaves out an empty repeated field; the JSON API always writes "headers".
            return d.containsKey("headers") ? d : d.put("headers", new JsonArray());
        }
    };

    /** A scenario: what one API answers to a sequence of calls, ending in the Decision compared. */
    private interface Scenario {
        JsonObject run(Api api) throws Exception;
    }

    private static JsonObject both(Scenario s) throws Exception {
        JsonObject overJson = mask(s.run(JSON));
        JsonObject overGrpc = mask(s.run(GRPC));
        assertThat(overGrpc).isEqualTo(overJson);
        return overJson;
    }

    private static JsonObject mask(JsonObject decision) {
        return new JsonObject(decision.encode().replaceAll("(nonce|opaque|rspauth|nextnonce)=\\\\\"[^\\\\]*\\\\\"",
                "$1=\\\\\"*\\\\\""));
    }

    private static JsonObject request(String realm, String algorithm) {
        return new JsonObject().put("method", "GET").put("uri", "/private/index.html?x=1").put("realm", realm)
                .put("algorithms", new JsonArray().add(algorithm));
    }

    /** Challenge, answer as the client would (with {@code password}), verify. */
    private static JsonObject answer(Api api, JsonObject request, String user, String password, String nc)
            throws Exception {
        JsonObject c = api.challenge(challengeOf(request));
        String header = c.getJsonArray("headers").getJsonObject(0).getString("value");
        return request.copy().put("authorization", new JsonArray().add(ClientDigest.authorization(header, user,
                password, request.getString("method"), request.getString("uri"), nc, "0a4f113b", "auth", null)));
    }

    private static JsonObject challengeOf(JsonObject request) {
        JsonObject c = request.copy();
        c.remove("method");
        c.remove("uri");
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"MD5", "MD5-sess", "SHA-256", "SHA-256-sess", "SHA-512-256", "SHA-512-256-sess"})
    void eachAlgorithmIsAllowedAlikeOverBothApis(String algorithm) throws Exception {
        JsonObject d = both(api -> api.verify(answer(api, request("example.com", algorithm), "alice", "wonderland",
                "00000001")));
        assertThat(d.getString("outcome")).isEqualTo("allow");
        assertThat(d.getJsonObject("identity").getString("algorithm")).isEqualTo(algorithm);
    }

    @Test
    void replayedNonceCountIsChallengedAlike() throws Exception {
        JsonObject d = both(api -> {
            JsonObject v = answer(api, request("example.com", "SHA-256"), "alice", "wonderland", "00000001");
            assertThat(api.verify(v).getString("outcome")).isEqualTo("allow");
            return api.verify(v);
        });
        assertThat(d.getString("reason")).isEqualTo("replayed_nonce");
    }

    @Test
    void wrongPasswordAndUnknownUserAreTheSameChallengeOverBothApis() throws Exception {
        JsonObject wrong = both(api -> api.verify(answer(api, request("example.com", "MD5"), "alice", "nope", "00000001")));
        JsonObject unknown = both(api -> api.verify(answer(api, request("example.com", "MD5"), "mallory", "x", "00000001")));
        assertThat(wrong.getString("reason")).isEqualTo("bad_credentials");
        assertThat(unknown).isEqualTo(wrong);
    }

    @Test
    void malformedHeaderIsDeniedAlike() throws Exception {
        JsonObject d = both(api -> api.verify(request("example.com", "MD5")
                .put("authorization", new JsonArray().add("Digest username=\"alice, realm="))));
        assertThat(d.getString("outcome")).isEqualTo("deny");
        assertThat(d.getInteger("status")).isEqualTo(400);
    }

    @Test
    void missingCredentialsAreChallengedAlikeWithEveryOfferedChallenge() throws Exception {
        JsonObject d = both(api -> api.verify(new JsonObject().put("method", "GET").put("uri", "/")));
        assertThat(d.getString("reason")).isEqualTo("missing_credentials");
        assertThat(d.getJsonArray("headers")).hasSize(6);
    }

    @Test
    void sipProxyRoleIsA407AlikeAndItsAnswerIsAllowed() throws Exception {
        JsonObject sip = new JsonObject().put("protocol", "sip").put("role", "proxy").put("method", "INVITE")
                .put("uri", "sip:bob@sip.example.com").put("realm", "sip.example.com")
                .put("algorithms", new JsonArray().add("MD5"));
        JsonObject challenge = both(api -> api.verify(sip));
        assertThat(challenge.getInteger("status")).isEqualTo(407);
        assertThat(TestServer.headers(challenge, "Proxy-Authenticate")).hasSize(1);
        JsonObject allow = both(api -> api.verify(answer(api, sip, "alice", "wonderland", "00000001")));
        assertThat(allow.getString("outcome")).isEqualTo("allow");
    }

    @Test
    void staleNonceWithCorrectResponseIsChallengedWithStaleTrueAlike() throws Exception {
        JsonObject d = both(api -> {
            JsonObject v = answer(api, request("md5.example.com", "MD5"), "bob", "zanzibar", "00000001");
            server.clock.advance(Duration.ofHours(1));
            return api.verify(v);
        });
        assertThat(d.getString("reason")).isEqualTo("stale_nonce");
        assertThat(d.encode()).contains("stale=true");
    }

    @Test
    void invalidInputIsRefusedAlikeWithTheSameCodeAndMessage() throws Exception {
        JsonObject[] cases = {
                new JsonObject().put("uri", "/"),
                new JsonObject().put("method", "GET"),
                new JsonObject().put("method", "GET").put("uri", "/").put("role", "boss"),
                new JsonObject().put("method", "GET").put("uri", "/").put("realm", "nowhere.example"),
                new JsonObject().put("method", "GET").put("uri", "/").put("algorithms", new JsonArray().add("SHA-1")),
        };
        for (JsonObject c : cases) {
            HttpResponse<String> http = server.post("/v1/verify", c.encode());
            assertThat(http.statusCode()).isEqualTo(400);
            JsonObject error = new JsonObject(http.body()).getJsonObject("error");
            GrpcTestClient.Reply<Decision> r = grpc.call("authd.v1.Authenticator", "Verify",
                    GrpcTestClient.parse(c, VerifyRequest.newBuilder()).build(), Decision.getDefaultInstance());
            assertThat(r.status()).isEqualTo(GrpcStatus.INVALID_ARGUMENT);
            assertThat(r.statusMessage()).isEqualTo(error.getString("code") + ": " + error.getString("message"));
        }
    }
}
