package io.authd.api.http;

import io.authd.testing.ClientDigest;
import io.authd.testing.EndToEndTest;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.authd.testing.TestServer.headers;
import static org.assertj.core.api.Assertions.assertThat;

/** SIP and HTTP Digest through the JSON API of a real server, answered by an independent client. */
class DigestApiEndToEndTest extends EndToEndTest {
    private static final String SDP = "v=0\r\no=alice 2890844526 2890844526 IN IP4 host.example.com\r\ns=-\r\n";

    private static JsonObject challenge(JsonObject request) throws Exception {
        JsonObject d = server.decision("/v1/challenge", request);
        assertThat(d.getString("outcome")).isEqualTo("challenge");
        return d;
    }

    private static JsonObject verify(JsonObject request) throws Exception {
        return server.decision("/v1/verify", request);
    }

    private static JsonObject sip(String method, String uri, String realm) {
        return new JsonObject().put("protocol", "sip").put("method", method).put("uri", uri).put("realm", realm);
    }

    /** Challenge, answer as the client would, verify. */
    private static JsonObject roundTrip(JsonObject request, String header, String user, String password, String qop,
                                        String nc, byte[] body) throws Exception {
        String auth = ClientDigest.authorization(header, user, password, request.getString("method"),
                request.getString("uri"), nc, "0a4f113b", qop, body);
        JsonObject v = request.copy().put("authorization", auth);
        if (body != null) {
            v.put("body", Base64.getEncoder().encodeToString(body));
        }
        return verify(v);
    }

    private static String firstChallenge(JsonObject request, String headerName) throws Exception {
        JsonObject c = challenge(request.copy().put("role", request.getString("role", "origin")));
        return headers(c, headerName).get(0);
    }

    @ParameterizedTest(name = "SIP REGISTER with {0}")
    @ValueSource(strings = {"MD5", "SHA-256"})
    void sipRegisterWithQopAuthIsAllowed(String algorithm) throws Exception {
        JsonObject req = sip("REGISTER", "sip:sip.example.com", "sip.example.com");
        String header = headers(challenge(req.copy().put("algorithms", new JsonArray().add(algorithm))),
                "WWW-Authenticate").get(0);
        assertThat(header).contains("algorithm=" + algorithm).doesNotContain("charset").doesNotContain("userhash");
        JsonObject d = roundTrip(req, header, "alice", "wonderland", "auth", "00000001", null);
        assertThat(d.getString("outcome")).isEqualTo("allow");
        assertThat(d.getInteger("status")).isEqualTo(200);
        assertThat(d.getJsonObject("identity").getMap()).containsEntry("user", "alice")
                .containsEntry("realm", "sip.example.com").containsEntry("algorithm", algorithm)
                .containsEntry("scheme", "Digest").containsEntry("qop", "auth");
        String info = headers(d, "Authentication-Info").get(0);
        Map<String, String> p = ClientDigest.params(info);
        assertThat(p).containsEntry("qop", "auth").containsEntry("nc", "00000001").containsEntry("cnonce", "0a4f113b");
        String nonce = ClientDigest.params(header).get("nonce");
        assertThat(p.get("rspauth")).isEqualTo(ClientDigest.response(algorithm, "alice", "sip.example.com",
                "wonderland", "", "sip:sip.example.com", nonce, "00000001", "0a4f113b", "auth", null));
    }

    @Test
    void sipInviteWithQopAuthIntCoversTheBody() throws Exception {
        JsonObject req = sip("INVITE", "sip:bob@sip.example.com", "sip.example.com");
        String header = firstChallenge(req, "WWW-Authenticate");
        byte[] body = SDP.getBytes(StandardCharsets.UTF_8);
        JsonObject ok = roundTrip(req, header, "alice", "wonderland", "auth-int", "00000001", body);
        assertThat(ok.getString("outcome")).isEqualTo("allow");
        assertThat(ok.getJsonObject("identity").getString("qop")).isEqualTo("auth-int");

        String auth = ClientDigest.authorization(header, "alice", "wonderland", "INVITE", "sip:bob@sip.example.com",
                "00000002", "0a4f113b", "auth-int", body);
        byte[] rewritten = (SDP + "a=inserted\r\n").getBytes(StandardCharsets.UTF_8);
        JsonObject tampered = verify(req.copy().put("authorization", auth)
                .put("body", Base64.getEncoder().encodeToString(rewritten)));
        assertThat(tampered.getString("reason")).isEqualTo("bad_credentials");
    }

    @Test
    void proxyRoleAnswers407WithProxyAuthenticateAndAllows() throws Exception {
        JsonObject req = sip("INVITE", "sip:bob@sip.example.com", "sip.example.com").put("role", "proxy");
        JsonObject c = challenge(req);
        assertThat(c.getInteger("status")).isEqualTo(407);
        assertThat(headers(c, "WWW-Authenticate")).isEmpty();
        List<String> challenges = headers(c, "Proxy-Authenticate");
        assertThat(challenges).hasSize(2);
        assertThat(challenges.get(0)).contains("algorithm=SHA-256");
        assertThat(challenges.get(1)).contains("algorithm=MD5");
        JsonObject d = roundTrip(req, challenges.get(1), "bob", "zanzibar", "auth", "00000001", null);
        assertThat(d.getString("outcome")).isEqualTo("allow");
        assertThat(headers(d, "Authentication-Info")).as("SIP answers Authentication-Info in both roles").hasSize(1);

        JsonObject missing = verify(req);
        assertThat(missing.getInteger("status")).isEqualTo(407);
        assertThat(missing.getString("reason")).isEqualTo("missing_credentials");
    }

    @Test
    void httpProxyRoleAnswersProxyAuthenticationInfo() throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "http://origin.example/x").put("role", "proxy")
                .put("realm", "md5.example.com");
        String header = firstChallenge(req, "Proxy-Authenticate");
        JsonObject d = roundTrip(req, header, "alice", "wonderland", "auth", "00000001", null);
        assertThat(d.getString("outcome")).isEqualTo("allow");
        assertThat(headers(d, "Proxy-Authentication-Info")).hasSize(1);
        assertThat(headers(d, "Authentication-Info")).isEmpty();
    }

    @Test
    void staleNonceWithCorrectResponseIsChallengedWithStaleTrueOnEveryChallenge() throws Exception {
        JsonObject req = sip("REGISTER", "sip:sip.example.com", "sip.example.com");
        String header = firstChallenge(req, "WWW-Authenticate");
        server.clock.advance(Duration.ofMinutes(6));
        JsonObject d = roundTrip(req, header, "alice", "wonderland", "auth", "00000001", null);
        assertThat(d.getString("outcome")).isEqualTo("challenge");
        assertThat(d.getString("reason")).isEqualTo("stale_nonce");
        assertThat(d.getInteger("status")).isEqualTo(401);
        assertThat(headers(d, "WWW-Authenticate")).hasSize(2).allSatisfy(h -> assertThat(h).contains("stale=true"));
    }

    @Test
    void staleNonceWithWrongPasswordIsBadCredentialsWithoutStale() throws Exception {
        JsonObject req = sip("REGISTER", "sip:sip.example.com", "sip.example.com");
        String header = firstChallenge(req, "WWW-Authenticate");
        server.clock.advance(Duration.ofMinutes(6));
        JsonObject d = roundTrip(req, header, "alice", "guess", "auth", "00000001", null);
        assertThat(d.getString("reason")).isEqualTo("bad_credentials");
        assertThat(headers(d, "WWW-Authenticate")).noneSatisfy(h -> assertThat(h).contains("stale"));
    }

    @Test
    void replayedNonceCountIsChallenged() throws Exception {
        JsonObject req = sip("REGISTER", "sip:sip.example.com", "sip.example.com");
        String header = firstChallenge(req, "WWW-Authenticate");
        assertThat(roundTrip(req, header, "alice", "wonderland", "auth", "00000001", null).getString("outcome"))
                .isEqualTo("allow");
        JsonObject again = roundTrip(req, header, "alice", "wonderland", "auth", "00000001", null);
        assertThat(again.getString("outcome")).isEqualTo("challenge");
        assertThat(again.getString("reason")).isEqualTo("replayed_nonce");
    }

    @Test
    void outOfOrderNonceCountsInsideTheWindowAreAllowedOnce() throws Exception {
        JsonObject req = sip("REGISTER", "sip:sip.example.com", "sip.example.com");
        String header = firstChallenge(req, "WWW-Authenticate");
        for (String nc : List.of("00000005", "00000003", "00000004", "00000001")) {
            assertThat(roundTrip(req, header, "alice", "wonderland", "auth", nc, null).getString("outcome"))
                    .as("nc %s", nc).isEqualTo("allow");
        }
        assertThat(roundTrip(req, header, "alice", "wonderland", "auth", "00000003", null).getString("reason"))
                .isEqualTo("replayed_nonce");
    }

    @Test
    void tamperedNonceIsInvalid() throws Exception {
        JsonObject req = sip("REGISTER", "sip:sip.example.com", "sip.example.com");
        String header = firstChallenge(req, "WWW-Authenticate");
        String nonce = ClientDigest.params(header).get("nonce");
        String forged = header.replace(nonce, nonce.substring(0, 20) + (nonce.charAt(20) == 'x' ? 'y' : 'x')
                + nonce.substring(21));
        JsonObject d = roundTrip(req, forged, "alice", "wonderland", "auth", "00000001", null);
        assertThat(d.getString("reason")).isEqualTo("invalid_nonce");
        assertThat(d.getString("outcome")).isEqualTo("challenge");
    }

    @Test
    void nonceMintedForAnotherRealmIsInvalid() throws Exception {
        String other = headers(challenge(new JsonObject().put("realm", "md5.example.com")), "WWW-Authenticate").get(0);
        String nonce = ClientDigest.params(other).get("nonce");
        JsonObject req = sip("REGISTER", "sip:sip.example.com", "sip.example.com");
        String header = firstChallenge(req.copy().put("algorithms", new JsonArray().add("MD5")), "WWW-Authenticate");
        String mine = ClientDigest.params(header).get("nonce");
        JsonObject d = roundTrip(req, header.replace(mine, nonce), "alice", "wonderland", "auth", "00000001", null);
        assertThat(d.getString("reason")).isEqualTo("invalid_nonce");
    }

    @Test
    void credentialsForAnotherRealmAreRealmMismatch() throws Exception {
        JsonObject req = sip("REGISTER", "sip:sip.example.com", "sip.example.com");
        String header = firstChallenge(req.copy().put("realm", "md5.example.com"), "WWW-Authenticate");
        JsonObject d = roundTrip(req, header, "alice", "wonderland", "auth", "00000001", null);
        assertThat(d.getString("reason")).isEqualTo("realm_mismatch");
        assertThat(d.getString("outcome")).isEqualTo("challenge");
    }

    @Test
    void severalCredentialsPickTheOneForTheRealm() throws Exception {
        JsonObject req = sip("INVITE", "sip:bob@sip.example.com", "sip.example.com");
        String other = firstChallenge(req.copy().put("realm", "md5.example.com"), "WWW-Authenticate");
        String mine = firstChallenge(req, "WWW-Authenticate");
        String a = ClientDigest.authorization(other, "alice", "wonderland", "INVITE", "sip:bob@sip.example.com",
                "00000001", "c1", "auth", null);
        String b = ClientDigest.authorization(mine, "alice", "wonderland", "INVITE", "sip:bob@sip.example.com",
                "00000001", "c2", "auth", null);
        JsonObject d = verify(req.copy().put("authorization", new JsonArray().add(a).add(b)));
        assertThat(d.getString("outcome")).isEqualTo("allow");
    }

    @Test
    void wrongPasswordAndUnknownUserGiveTheSameAnswer() throws Exception {
        JsonObject req = sip("REGISTER", "sip:sip.example.com", "sip.example.com");
        JsonObject wrong = roundTrip(req, firstChallenge(req, "WWW-Authenticate"), "alice", "guess", "auth",
                "00000001", null);
        JsonObject unknown = roundTrip(req, firstChallenge(req, "WWW-Authenticate"), "mallory", "guess", "auth",
                "00000001", null);
        assertThat(wrong.getString("reason")).isEqualTo("bad_credentials");
        assertThat(withoutNonces(wrong)).isEqualTo(withoutNonces(unknown));
    }

    private static JsonObject withoutNonces(JsonObject d) {
        JsonObject copy = d.copy();
        JsonArray hs = new JsonArray();
        for (Object o : copy.getJsonArray("headers")) {
            JsonObject h = (JsonObject) o;
            hs.add(h.copy().put("value", h.getString("value").replaceAll("(nonce|opaque)=\"[^\"]*\"", "$1=\"\"")));
        }
        return copy.put("headers", hs);
    }

    @Test
    void httpDigestUriNotMatchingTheRequestTargetIsDenied400() throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "/private/report.pdf");
        String header = firstChallenge(req, "WWW-Authenticate");
        String auth = ClientDigest.authorization(header, "alice", "wonderland", "GET", "/public/index.html",
                "00000001", "abc", "auth", null);
        JsonObject d = verify(req.copy().put("authorization", auth));
        assertThat(d.getString("outcome")).isEqualTo("deny");
        assertThat(d.getInteger("status")).isEqualTo(400);
        assertThat(d.getString("reason")).isEqualTo("uri_mismatch");
    }

    @Test
    void sipDigestUriMismatchIsDeniedWhereTheRealmChecksIt() throws Exception {
        JsonObject req = sip("REGISTER", "sip:sip.example.com", "sip.example.com");
        String header = firstChallenge(req, "WWW-Authenticate");
        String auth = ClientDigest.authorization(header, "alice", "wonderland", "REGISTER", "sip:elsewhere.example.com",
                "00000001", "abc", "auth", null);
        assertThat(verify(req.copy().put("authorization", auth)).getString("reason")).isEqualTo("uri_mismatch");
    }

    @Test
    void sipRealmWithUriCheckOffAcceptsARewrittenRequestUri() throws Exception {
        JsonObject req = sip("INVITE", "sip:bob@10.0.0.5:5060", "rewrite.example.com");
        String header = firstChallenge(req, "WWW-Authenticate");
        String auth = ClientDigest.authorization(header, "alice", "wonderland", "INVITE", "sip:bob@rewrite.example.com",
                "00000001", "abc", "auth", null);
        assertThat(verify(req.copy().put("authorization", auth)).getString("outcome")).isEqualTo("allow");
        JsonObject http = req.copy().put("protocol", "http").put("method", "GET").put("uri", "/a");
        String h2 = firstChallenge(http, "WWW-Authenticate");
        String auth2 = ClientDigest.authorization(h2, "alice", "wonderland", "GET", "/b", "00000001", "abc", "auth", null);
        assertThat(verify(http.copy().put("authorization", auth2)).getString("reason"))
                .as("HTTP always checks the uri (RFC 7616 §3.4.6)").isEqualTo("uri_mismatch");
    }

    @Test
    void everyAlgorithmIsVerifiedEndToEnd() throws Exception {
        for (String alg : List.of("MD5", "MD5-sess", "SHA-256", "SHA-256-sess", "SHA-512-256", "SHA-512-256-sess")) {
            JsonObject req = new JsonObject().put("method", "GET").put("uri", "/api/" + alg);
            String header = firstChallenge(req.copy().put("algorithms", new JsonArray().add(alg)), "WWW-Authenticate");
            JsonObject d = roundTrip(req, header, "bob", "zanzibar", "auth", "00000001", null);
            assertThat(d.getString("outcome")).as(alg).isEqualTo("allow");
            assertThat(d.getJsonObject("identity").getString("algorithm")).isEqualTo(alg);
        }
    }

    @Test
    void answerWithAnAlgorithmOtherThanTheNoncesIsInvalidNonce() throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "/downgrade");
        String sha = firstChallenge(req.copy().put("algorithms", new JsonArray().add("SHA-256")), "WWW-Authenticate");
        String asMd5 = sha.replace("algorithm=SHA-256", "algorithm=MD5");
        assertThat(roundTrip(req, asMd5, "bob", "zanzibar", "auth", "00000001", null).getString("reason"))
                .isEqualTo("invalid_nonce");
    }

    @Test
    void algorithmTheRealmDoesNotOfferIsUnsupported() throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "/x").put("realm", "md5.example.com");
        String header = firstChallenge(req, "WWW-Authenticate").replace("algorithm=MD5", "algorithm=SHA-256");
        assertThat(roundTrip(req, header, "bob", "zanzibar", "auth", "00000001", null).getString("reason"))
                .isEqualTo("unsupported_algorithm");
        JsonObject unknown = verify(req.copy().put("authorization", "Digest username=\"bob\", realm=\"md5.example.com\", "
                + "nonce=\"abc\", uri=\"/x\", response=\"0123\", algorithm=SHA-1, qop=auth, nc=00000001, cnonce=\"x\""));
        assertThat(unknown.getString("reason")).isEqualTo("unsupported_algorithm");
    }

    @Test
    void malformedCredentialsAreDenied400() throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "/x")
                .put("authorization", "Digest username=\"alice, realm=\"example.com\"");
        JsonObject d = verify(req);
        assertThat(d.getString("outcome")).isEqualTo("deny");
        assertThat(d.getInteger("status")).isEqualTo(400);
        assertThat(d.getString("reason")).isEqualTo("malformed_credentials");
        assertThat(d.getString("detail")).isNotBlank();
    }

    @Test
    void emptyAuthorizationMeansNoCredentials() throws Exception {
        for (Object empty : List.of("", new JsonArray(), new JsonArray().add(""))) {
            JsonObject d = verify(new JsonObject().put("method", "GET").put("uri", "/x").put("authorization", empty));
            assertThat(d.getString("reason")).isEqualTo("missing_credentials");
        }
    }

    @Test
    void challengeListsOneDigestChallengePerAlgorithmInOrder() throws Exception {
        JsonObject c = challenge(new JsonObject());
        List<String> hs = headers(c, "WWW-Authenticate");
        assertThat(hs).hasSize(6);
        assertThat(hs.get(0)).startsWith("Digest realm=\"example.com\"").contains("algorithm=SHA-256")
                .contains("qop=\"auth, auth-int\"").contains("charset=UTF-8").contains("userhash=true");
        assertThat(hs.stream().map(h -> ClientDigest.params(h).get("nonce")).distinct()).hasSize(6);
        assertThat(c.getInteger("status")).isEqualTo(401);
        assertThat(c.getString("reason")).isEqualTo("missing_credentials");
        assertThat(c.containsKey("identity")).isFalse();
    }

    @Test
    void nextnonceIsSentOnceMostOfTheLifetimeIsUsed() throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "/next");
        String header = firstChallenge(req, "WWW-Authenticate");
        JsonObject early = roundTrip(req, header, "bob", "zanzibar", "auth", "00000001", null);
        assertThat(headers(early, "Authentication-Info").get(0)).doesNotContain("nextnonce");
        server.clock.advance(Duration.ofSeconds(250));
        JsonObject late = roundTrip(req, header, "bob", "zanzibar", "auth", "00000002", null);
        String next = ClientDigest.params(headers(late, "Authentication-Info").get(0)).get("nextnonce");
        assertThat(next).isNotNull();
        JsonObject withNext = roundTrip(req, header.replace(ClientDigest.params(header).get("nonce"), next),
                "bob", "zanzibar", "auth", "00000001", null);
        assertThat(withNext.getString("outcome")).isEqualTo("allow");
    }

    @Test
    void userhashAnswerIsResolvedToTheUser() throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "/doe.json");
        String header = firstChallenge(req.copy().put("algorithms", new JsonArray().add("SHA-512-256")),
                "WWW-Authenticate");
        String user = "Jäsøn Doe";
        String userhash = ClientDigest.h("SHA-512-256", user + ":example.com");
        String auth = ClientDigest.authorization(header, user, "Secret, or not?", "GET", "/doe.json", "00000001",
                "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v", "auth", null)
                .replace("username=\"" + user + "\"", "username=\"" + userhash + "\", userhash=true");
        JsonObject d = verify(req.copy().put("authorization", auth));
        assertThat(d.getString("outcome")).isEqualTo("allow");
        assertThat(d.getJsonObject("identity").getString("user")).isEqualTo(user);
    }

    @Test
    void extendedUsernameParameterIsDecoded() throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "/ext");
        String header = firstChallenge(req, "WWW-Authenticate");
        String user = "Jäsøn Doe";
        String auth = ClientDigest.authorization(header, user, "Secret, or not?", "GET", "/ext", "00000001", "c",
                "auth", null).replace("username=\"" + user + "\"", "username*=UTF-8''J%C3%A4s%C3%B8n%20Doe");
        assertThat(verify(req.copy().put("authorization", auth)).getString("outcome")).isEqualTo("allow");
    }

    @Test
    void rfc2069AnswersAreAllowedOnlyWhereTheRealmAllowsThem() throws Exception {
        JsonObject legacy = new JsonObject().put("method", "GET").put("uri", "/old").put("realm", "legacy.example.com");
        String header = firstChallenge(legacy, "WWW-Authenticate");
        assertThat(header).doesNotContain("qop");
        assertThat(roundTrip(legacy, header, "alice", "wonderland", null, null, null).getString("outcome"))
                .isEqualTo("allow");

        JsonObject strict = new JsonObject().put("method", "GET").put("uri", "/old").put("realm", "md5.example.com");
        String h2 = firstChallenge(strict, "WWW-Authenticate");
        JsonObject refused = roundTrip(strict, h2, "alice", "wonderland", null, null, null);
        assertThat(refused.getString("outcome")).isEqualTo("challenge");
    }

    @Test
    void realmBindingNoncesToClientsRefusesANonceFromAnotherAddress() throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "/b").put("realm", "bound.example.com")
                .put("clientAddress", "203.0.113.7");
        String header = firstChallenge(req, "WWW-Authenticate");
        assertThat(roundTrip(req, header, "alice", "wonderland", "auth", "00000001", null).getString("outcome"))
                .isEqualTo("allow");
        JsonObject moved = req.copy().put("clientAddress", "198.51.100.9");
        assertThat(roundTrip(moved, header, "alice", "wonderland", "auth", "00000002", null).getString("reason"))
                .isEqualTo("invalid_nonce");
    }
}
