package io.authd.basic;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.authd.auth.AuditLog;
import io.authd.testing.BasicRealmsEndToEndTest;
import io.authd.testing.CapturedLog;
import io.authd.testing.ClientDigest;
import io.authd.testing.Processes;
import io.authd.testing.PythonRequests;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Basic credentials (RFC 7617) through a real authd: curl {@code --basic} and Python requests' HTTPBasicAuth on
 * forward-auth, the JSON API, the TLS rule, the challenge order, SIP, hostile values, metrics and the audit trail.
 * Realms as in {@link BasicRealmsEndToEndTest}.
 */
class BasicEndToEndTest extends BasicRealmsEndToEndTest {
    static String curl;
    static Path requestsScript;

    @BeforeAll
    static void findClients() throws Exception {
        curl = Processes.require("curl");
        requestsScript = PythonRequests.script(dir, "requests_basic.py");
    }

    static JsonObject verify(String realm, String authorization, boolean secure) throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "/private").put("realm", realm)
                .put("secure", secure);
        return server.decision("/v1/verify", authorization == null ? req : req.put("authorization", authorization));
    }

    /** curl --basic through forward-auth; prints "status user scheme" of the answer. */
    private static String curlBasic(String realm, String user, String password, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(curl, "-s", "-o", "/dev/null", "--basic", "-u", user + ":" + password,
                "-w", "%{http_code} %header{x-authd-user} %header{x-authd-scheme}"));
        cmd.addAll(List.of(extra));
        cmd.add(server.url("/v1/forward-auth?realm=" + realm));
        Processes.Result r = Processes.run(cmd);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().strip();
    }

    /** Python requests' HTTPBasicAuth through forward-auth; "status user scheme". */
    private static String requestsBasic(String realm, String user, String password, String... forwardedProto)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PythonRequests.PYTHON, requestsScript.toString(),
                server.url("/v1/forward-auth?realm=" + realm), user, password));
        cmd.addAll(List.of(forwardedProto));
        Processes.Result r = Processes.run(cmd);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().strip();
    }

    private static List<String> challenges(JsonObject decision) {
        return TestServer.headers(decision, "WWW-Authenticate");
    }

    /** The decision with the values fresh on every call (nonce, opaque) masked. */
    private static String masked(JsonObject decision) {
        return decision.encode().replaceAll("(nonce|opaque)=\\\\\"[^\\\\]*\\\\\"", "$1=*");
    }

    @Test
    void curlBasicThroughForwardAuthOverHttpsIsAllowed() throws Exception {
        assertThat(curlBasic("example.com", "alice", "wonderland", "-H", "X-Forwarded-Proto: https"))
                .isEqualTo("200 alice Basic");
    }

    @Test
    void curlBasicOverPlainHttpIsRefusedWithAReasonAndNoBasicChallenge() throws Exception {
        assertThat(curlBasic("example.com", "alice", "wonderland")).isEqualTo("401");
        assertThat(curlBasic("example.com", "alice", "wonderland", "-H", "X-Forwarded-Proto: http")).isEqualTo("401");

        HttpResponse<String> r = server.get(server.url("/v1/forward-auth?realm=example.com"),
                "Authorization", basic("alice", "wonderland"));
        JsonObject d = new JsonObject(r.body());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(d.getString("reason")).isEqualTo("missing_credentials");
        assertThat(d.getString("detail")).contains("only over TLS");
        assertThat(r.headers().allValues("WWW-Authenticate")).isNotEmpty().noneMatch(v -> v.startsWith("Basic"));
    }

    @Test
    void pythonRequestsHttpBasicAuthOverHttpsIsAllowed() throws Exception {
        assertThat(requestsBasic("example.com", "alice", "wonderland", "https")).isEqualTo("200 alice Basic");
    }

    @Test
    void nonAsciiUserPassIsTakenAsUtf8() throws Exception {
        JsonObject d = verify("example.com", basic("Jäsøn Doe", "Secret, or not?"), true);

        assertThat(d.getJsonObject("identity").getString("user")).isEqualTo("Jäsøn Doe");
    }

    @Test
    void pythonRequestsSendsNonAsciiStringsAsLatin1WhichIsMalformedHere() throws Exception {
        // requests encodes str credentials as Latin-1 whatever charset the challenge names; UTF-8 callers pass bytes.
        assertThat(requestsBasic("example.com", "Jäsøn Doe", "Secret, or not?", "https")).isEqualTo("400 - -");
    }

    @Test
    void pythonRequestsOverPlainHttpIsRefused() throws Exception {
        assertThat(requestsBasic("example.com", "alice", "wonderland")).isEqualTo("401 - -");
    }

    @Test
    void basicIsAcceptedOverPlainHttpWhereTheRealmDoesNotRequireTls() throws Exception {
        assertThat(curlBasic("sha256.example.com", "bob", "zanzibar")).isEqualTo("200 bob Basic");
    }

    @Test
    void proxyRoleTakesBasicInProxyAuthorizationAndOffersItInProxyAuthenticate() throws Exception {
        String url = server.url("/v1/forward-auth?realm=example.com&role=proxy");
        // curl, not the JDK client: that one drops Proxy-Authorization.
        Processes.Result allowed = Processes.run(List.of(curl, "-s", "-o", "/dev/null", "-w",
                "%{http_code} %header{x-authd-scheme}", "-H", "Proxy-Authorization: " + basic("alice", "wonderland"),
                "-H", "X-Forwarded-Proto: https", url));
        HttpResponse<String> challenged = server.get(url, "X-Forwarded-Proto", "https");

        assertThat(allowed.stdout()).isEqualTo("200 Basic");
        assertThat(challenged.statusCode()).isEqualTo(407);
        assertThat(challenged.headers().allValues("Proxy-Authenticate")).last()
                .isEqualTo("Basic realm=\"example.com\", charset=\"UTF-8\"");
    }

    @Test
    void wrongPasswordIsBadCredentialsAsForDigestAndTheChallengeStillOffersBasic() throws Exception {
        JsonObject d = verify("example.com", basic("alice", "guess"), true);

        assertThat(d.getString("outcome")).isEqualTo("challenge");
        assertThat(d.getInteger("status")).isEqualTo(401);
        assertThat(d.getString("reason")).isEqualTo("bad_credentials");
        assertThat(challenges(d)).last().isEqualTo("Basic realm=\"example.com\", charset=\"UTF-8\"");
        assertThat(curlBasic("example.com", "alice", "guess", "-H", "X-Forwarded-Proto: https")).isEqualTo("401");
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() throws Exception {
        JsonObject wrongPassword = verify("example.com", basic("alice", "guess"), true);
        JsonObject unknownUser = verify("example.com", basic("mallory", "guess"), true);
        JsonObject emptyUser = verify("example.com", basic("", "guess"), true);

        assertThat(masked(unknownUser)).isEqualTo(masked(wrongPassword));
        assertThat(masked(emptyUser)).isEqualTo(masked(wrongPassword));
    }

    @Test
    void allowCarriesTheBasicIdentityOnTheJsonApi() throws Exception {
        JsonObject d = verify("example.com", basic("alice", "wonderland"), true);

        assertThat(d.getString("outcome")).isEqualTo("allow");
        assertThat(d.getJsonObject("identity")).isEqualTo(new JsonObject()
                .put("scheme", "Basic").put("user", "alice").put("realm", "example.com"));
        assertThat(d.getJsonArray("headers")).isEmpty();
    }

    @Test
    void challengeListsDigestFirstThenBearerThenBasicWhenSecure() throws Exception {
        JsonObject d = server.decision("/v1/challenge", new JsonObject().put("realm", "example.com").put("secure", true));
        List<String> offered = challenges(d);

        assertThat(offered).hasSize(8);
        assertThat(offered.subList(0, 6)).allMatch(v -> v.startsWith("Digest "));
        assertThat(offered.get(6)).startsWith("Bearer realm=\"example.com\"");
        assertThat(offered.get(7)).isEqualTo("Basic realm=\"example.com\", charset=\"UTF-8\"");
    }

    @Test
    void basicIsNotOfferedWhenTheRequestIsNotSecureAndTheRealmRequiresTls() throws Exception {
        JsonObject challenge = server.decision("/v1/challenge", new JsonObject().put("realm", "example.com"));
        JsonObject verify = verify("example.com", null, false);

        assertThat(challenges(challenge)).hasSize(7).noneMatch(v -> v.startsWith("Basic"));
        assertThat(challenges(verify)).hasSize(7).noneMatch(v -> v.startsWith("Basic"));
        assertThat(challenges(verify("sha256.example.com", null, false))).last()
                .isEqualTo("Basic realm=\"sha256.example.com\", charset=\"UTF-8\"");
    }

    @Test
    void realmWithoutBasicTreatsBasicAsNoCredentialsAndNeverOffersIt() throws Exception {
        JsonObject d = verify("md5.example.com", basic("alice", "wonderland"), true);

        assertThat(d.getString("reason")).isEqualTo("missing_credentials");
        assertThat(d.getString("detail")).isEqualTo("realm md5.example.com does not accept Basic credentials");
        assertThat(challenges(d)).noneMatch(v -> v.startsWith("Basic"));
    }

    @Test
    void sipNeverAcceptsNorOffersBasic() throws Exception {
        JsonObject sip = server.decision("/v1/verify", new JsonObject().put("protocol", "sip").put("method", "REGISTER")
                .put("uri", "sip:sip.example.com").put("realm", "sip.example.com").put("secure", true)
                .put("authorization", basic("alice", "wonderland")));
        JsonObject sipChallenge = server.decision("/v1/challenge", new JsonObject().put("protocol", "sip")
                .put("realm", "sip.example.com").put("secure", true));

        assertThat(sip.getString("outcome")).isEqualTo("challenge");
        assertThat(sip.getString("reason")).isEqualTo("missing_credentials");
        assertThat(sip.getString("detail")).contains("RFC 3261");
        assertThat(challenges(sip)).isNotEmpty().noneMatch(v -> v.startsWith("Basic"));
        assertThat(challenges(sipChallenge)).isNotEmpty().noneMatch(v -> v.startsWith("Basic"));
        // The same realm over HTTP takes Basic: the refusal is SIP's.
        assertThat(verify("sip.example.com", basic("alice", "wonderland"), true).getString("outcome")).isEqualTo("allow");
    }

    @Test
    void digestCredentialsForTheRealmAreAnsweredBeforeBasic() throws Exception {
        JsonObject c = server.decision("/v1/challenge", new JsonObject().put("realm", "sha256.example.com"));
        String digest = ClientDigest.authorization(challenges(c).get(0), "alice", "wonderland", "GET", "/private",
                "00000001", "0a4f113b", "auth", null);
        JsonObject d = server.decision("/v1/verify", new JsonObject().put("method", "GET").put("uri", "/private")
                .put("realm", "sha256.example.com").put("authorization",
                        new JsonArray().add(basic("bob", "zanzibar")).add(digest)));

        assertThat(d.getJsonObject("identity").getString("scheme")).isEqualTo("Digest");
        assertThat(d.getJsonObject("identity").getString("user")).isEqualTo("alice");
    }

    static Stream<String> hostileValues() {
        String b64 = "QWxhZGRpbjpvcGVuIHNlc2FtZQ==";
        return Stream.of(
                "Basic " + "%%%%",
                "Basic bm9jb2xvbg==",                                   // "nocolon"
                "Basic YWxpY2UAOndvbmRlcmxhbmQ=",                       // NUL in the user-id
                "Basic YWxpY2U6d29uZGVy" + "\u0000" + "bGFuZA==",        // NUL in the header itself
                "Basic 6WxpY2U6d29uZGVybGFuZA==",                       // Latin-1, not UTF-8
                "Basic YWxp-2U6_3Bl",                                    // base64url, not base64
                "Basic " + "QUFB".repeat(1200),                          // 4800 characters
                "Basic " + "QUFB".repeat(3000),                          // beyond the header limit
                "Basic",
                "Basic realm=\"example.com\"",
                "Basic " + b64 + " " + b64,
                "Basic ====");
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void hostileBasicValuesAreDeniedAsMalformedAndNeverAllowed(String authorization) throws Exception {
        HttpResponse<String> r = server.post("/v1/verify", new JsonObject().put("method", "GET").put("uri", "/")
                .put("realm", "example.com").put("secure", true).put("authorization", authorization).encode());
        JsonObject d = new JsonObject(r.body());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(d.getString("outcome")).isEqualTo("deny");
        assertThat(d.getInteger("status")).isEqualTo(400);
        assertThat(d.getString("reason")).isEqualTo("malformed_credentials");
        assertThat(d.getString("detail")).isNotBlank().doesNotContain("wonderland").doesNotContain("QUFB");
    }

    @Test
    void hostileBasicThroughForwardAuthIsDeniedNotAnError() throws Exception {
        HttpResponse<String> r = server.get(server.url("/v1/forward-auth?realm=example.com"),
                "Authorization", "Basic /////////w==", "X-Forwarded-Proto", "https");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getString("detail")).contains("not UTF-8");
    }

    @Test
    void secureMustBeABoolean() throws Exception {
        HttpResponse<String> r = server.post("/v1/verify",
                "{\"method\":\"GET\",\"uri\":\"/\",\"secure\":\"yes\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getJsonObject("error").getString("message"))
                .isEqualTo("secure: expected a boolean, got a string");
    }

    @Test
    void basicDecisionsAreCountedUnderSchemeBasic() throws Exception {
        verify("example.com", basic("alice", "wonderland"), true);
        verify("example.com", basic("alice", "guess"), true);

        String metrics = server.get(server.managementUrl("/metrics")).body();
        List<String> basic = metrics.lines().filter(l -> l.startsWith("authd_decisions") && l.contains("scheme=\"basic\""))
                .toList();
        assertThat(basic).anyMatch(l -> l.contains("reason=\"ok\"")).anyMatch(l -> l.contains("reason=\"bad_credentials\""));
    }

    @Test
    void auditNamesTheBasicUserAndNeverThePassword() throws Exception {
        try (CapturedLog log = CapturedLog.everything()) {
            verify("example.com", basic("alice", "wonderland"), true);
            verify("example.com", basic("mallory", "not-the-password"), true);

            List<Map<String, Object>> audit = log.events().stream()
                    .filter(e -> e.getLoggerName().equals(AuditLog.LOGGER)).map(BasicEndToEndTest::pairs).toList();
            assertThat(audit).anyMatch(e -> "alice".equals(e.get("user")) && "ok".equals(e.get("reason")));
            assertThat(audit).anyMatch(e -> "mallory".equals(e.get("user")) && "bad_credentials".equals(e.get("reason")));
            assertThat(log.rendered()).noneMatch(l -> l.contains("wonderland") || l.contains("not-the-password")
                    || l.contains(basic("alice", "wonderland").substring(6)));
        }
    }

    private static Map<String, Object> pairs(ILoggingEvent e) {
        return e.getKeyValuePairs() == null ? Map.of()
                : e.getKeyValuePairs().stream().collect(Collectors.toMap(p -> p.key, p -> p.value, (a, b) -> a));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https                 | https       | 200
            HTTPS any case        | HTTPS       | 200
            first of a list       | https, http | 200
            http                  | http        | 401
            last of a list        | http, https | 401
            """)
    void forwardedProtoHttpsMarksTheRequestSecure(String behaviour, String proto, int status) throws Exception {
        HttpResponse<String> r = server.get(server.url("/v1/forward-auth?realm=example.com"),
                "Authorization", basic("alice", "wonderland"), "X-Forwarded-Proto", proto);

        assertThat(r.statusCode()).isEqualTo(status);
    }
}
