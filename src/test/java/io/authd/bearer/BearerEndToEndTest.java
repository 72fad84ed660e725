package io.authd.bearer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import io.authd.testing.ClientDigest;
import io.authd.testing.MutableClock;
import io.authd.testing.Poll;
import io.authd.testing.Processes;
import io.authd.testing.TestJwks;
import io.authd.testing.TestKeys;
import io.authd.testing.TestServer;
import io.authd.testing.TestTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.authd.testing.TestTokens.claims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens through a real authd and a real JWKS endpoint: allow, every refusal with its reason and header,
 * both schemes in one realm, key rotation, an issuer outage, a flood of unknown kids, and the logs.
 */
class BearerEndToEndTest {
    private static final TestTokens.Key RSA = TestTokens.rsa("main-rsa", JWSAlgorithm.RS256);
    private static final TestTokens.Key EC = TestTokens.ec("main-ec");
    private static final TestTokens.Key ED = TestTokens.ed25519("main-ed");
    private static final TestTokens.Key HMAC = TestTokens.hmac("hmac-1");
    private static final TestTokens.Key ROTATED_OUT = TestTokens.rsa("rot-1", JWSAlgorithm.RS256);
    private static final TestTokens.Key ROTATED_IN = TestTokens.rsa("rot-2", JWSAlgorithm.RS256);
    private static final TestTokens.Key CACHED = TestTokens.ec("out-1");
    private static final TestTokens.Key FLOODED = TestTokens.rsa("flood-1", JWSAlgorithm.RS256);

    @TempDir
    static Path dir;
    static TestJwks jwks;
    static TestServer server;
    static MutableClock clock;

    @BeforeAll
    static void start() throws Exception {
        jwks = TestJwks.start()
                .serve("/main", new JWKSet(List.of(RSA.publicJwk(), EC.publicJwk(), ED.publicJwk())))
                .serve("/rotation", ROTATED_OUT.jwks())
                .serve("/outage", CACHED.jwks())
                .serve("/flood", FLOODED.jwks());
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        String md5Realm = "  - name: md5.example.com\n    algorithms: [MD5]\n";
        String config = TestServer.CONFIG.replace(md5Realm, md5Realm + """
                    bearer:
                      scope: read
                      authzServer: https://login.example.com
                      claims: [email]
                      issuers:
                        - issuer: https://issuer.test
                          audiences: [authd-test]
                          algorithms: [RS256, ES256, EdDSA]
                          jwksUri: %s
                        - issuer: https://hmac.test
                          audiences: [authd-test]
                          algorithms: [HS256]
                          keys: '%s'
                """.formatted(jwks.url("/main"), HMAC.publicJwk().toJSONString())
                + bearerOnlyRealm("rotation", "minRefetchInterval: 10s")
                + bearerOnlyRealm("outage", "minRefetchInterval: 10s\n          maxStaleness: 10m")
                + bearerOnlyRealm("flood", "minRefetchInterval: 10s")
                + "  - name: keys.example.com\n    algorithms: []\n    bearer:\n      apiKeys: true\n");
        server = TestServer.startWith(dir, TestKeys.ring(1), clock, config);
    }

    private static String bearerOnlyRealm(String name, String issuerKeys) {
        return """
                  - name: %s.example.com
                    algorithms: []
                    bearer:
                      issuers:
                        - issuer: https://issuer.test
                          audiences: [authd-test]
                          algorithms: [RS256, ES256]
                          jwksUri: %s
                          %s
                """.formatted(name, jwks.url("/" + name), issuerKeys);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        jwks.close();
    }

    private static String token(TestTokens.Key key, String scope) {
        return key.sign(claims(clock.instant(), "alice", scope).claim("email", "alice@example.com").build());
    }

    private static JsonObject verify(String realm, String authorization, String... requiredScopes) throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "/api").put("realm", realm)
                .put("requiredScopes", new JsonArray(List.of((Object[]) requiredScopes)));
        if (authorization != null) {
            req.put("authorization", authorization);
        }
        return server.decision("/v1/verify", req);
    }

    @Test
    void tokensOfEveryKeyTypeAreAllowedWithTheBearerIdentity() throws Exception {
        for (TestTokens.Key key : List.of(RSA, EC, ED, HMAC)) {
            String token = key == HMAC
                    ? key.sign(claims(clock.instant(), "alice", "read").issuer("https://hmac.test").build())
                    : token(key, "read write");
            JsonObject d = verify("md5.example.com", "Bearer " + token, "read");

            assertThat(d.getString("outcome")).as(key.alg().getName()).isEqualTo("allow");
            JsonObject id = d.getJsonObject("identity");
            assertThat(id.getString("scheme")).isEqualTo("Bearer");
            assertThat(id.getString("subject")).isEqualTo("alice");
            assertThat(id.getLong("expiresAt")).isEqualTo(clock.instant().getEpochSecond() + 600);
        }
        JsonObject id = verify("md5.example.com", "Bearer " + token(RSA, "read write")).getJsonObject("identity");
        assertThat(id.getString("issuer")).isEqualTo(TestTokens.ISSUER);
        assertThat(id.getJsonArray("scopes")).containsExactly("read", "write");
        assertThat(id.getJsonObject("claims")).isEqualTo(new JsonObject().put("email", "alice@example.com"));
    }

    @Test
    void requestWithoutCredentialsGetsTheDigestChallengesThenAPlainBearerChallenge() throws Exception {
        JsonObject d = verify("md5.example.com", null);

        assertThat(d.getInteger("status")).isEqualTo(401);
        assertThat(d.getString("reason")).isEqualTo("missing_credentials");
        List<String> challenges = TestServer.headers(d, "WWW-Authenticate");
        assertThat(challenges).hasSize(2);
        assertThat(challenges.get(0)).startsWith("Digest realm=\"md5.example.com\"");
        assertThat(challenges.get(1)).isEqualTo("Bearer realm=\"md5.example.com\", scope=\"read\"");
    }

    @Test
    void realmOfferingBothSchemesAcceptsDigestToo() throws Exception {
        String digest = TestServer.headers(verify("md5.example.com", null), "WWW-Authenticate").get(0);
        String auth = ClientDigest.authorization(digest, "alice", "wonderland", "GET", "/api", "00000001", "c1", "auth", null);

        JsonObject d = verify("md5.example.com", auth);

        assertThat(d.getString("outcome")).isEqualTo("allow");
        assertThat(d.getJsonObject("identity").getString("scheme")).isEqualTo("Digest");
    }

    @Test
    void expiredTokenIsChallengedWithInvalidTokenAfterTheDigestChallenges() throws Exception {
        String expired = RSA.sign(claims(clock.instant().minusSeconds(3600), "alice", "read").build());

        JsonObject d = verify("md5.example.com", "Bearer " + expired);

        assertThat(d.getString("outcome")).isEqualTo("challenge");
        assertThat(d.getInteger("status")).isEqualTo(401);
        assertThat(d.getString("reason")).isEqualTo("expired_token");
        List<String> challenges = TestServer.headers(d, "WWW-Authenticate");
        assertThat(challenges.get(0)).startsWith("Digest ");
        assertThat(challenges.get(1)).isEqualTo("Bearer realm=\"md5.example.com\", scope=\"read\", "
                + "error=\"invalid_token\", error_description=\"token expired\"");
    }

    @Test
    void refusedTokensAreInvalidTokenWithTheirDescription() throws Exception {
        String wrongAudience = RSA.sign(claims(clock.instant(), "alice", "").audience("other").build());
        String wrongIssuer = RSA.sign(claims(clock.instant(), "alice", "").issuer("https://evil.test").build());
        String badSignature = TestTokens.rsa("main-rsa", JWSAlgorithm.RS256).sign(claims(clock.instant(), "a", "").build());
        String notYetValid = RSA.sign(claims(clock.instant().plusSeconds(3600), "alice", "").build());

        String none = com.nimbusds.jose.util.Base64URL.encode("{\"alg\":\"none\"}") + "."
                + com.nimbusds.jose.util.Base64URL.encode(claims(clock.instant(), "alice", "").build().toString()) + ".";
        byte[] rsaPublicKey = ((com.nimbusds.jose.jwk.RSAKey) RSA.publicJwk()).toRSAPublicKey().getEncoded();
        String confused = TestTokens.nimbus(new com.nimbusds.jose.crypto.MACSigner(rsaPublicKey)).sign(
                new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.HS256).keyID("main-rsa").build(),
                claims(clock.instant(), "alice", "").build());

        assertRefused(none, "malformed token");
        assertRefused(confused, "algorithm not allowed");
        assertRefused(wrongAudience, "token is not for this audience");
        assertRefused(wrongIssuer, "untrusted issuer");
        assertRefused(badSignature, "bad signature");
        assertRefused(notYetValid, "token not yet valid");
    }

    private static void assertRefused(String token, String description) throws Exception {
        JsonObject d = verify("md5.example.com", "Bearer " + token);
        assertThat(d.getString("reason")).as(description).isEqualTo("invalid_token");
        assertThat(d.getInteger("status")).isEqualTo(401);
        assertThat(TestServer.headers(d, "WWW-Authenticate").getLast())
                .endsWith("error=\"invalid_token\", error_description=\"" + description + "\"");
    }

    @Test
    void missingScopeIsForbiddenWithInsufficientScopeNamingTheScope() throws Exception {
        JsonObject d = verify("md5.example.com", "Bearer " + token(RSA, "read"), "read", "admin");

        assertThat(d.getString("outcome")).isEqualTo("deny");
        assertThat(d.getInteger("status")).isEqualTo(403);
        assertThat(d.getString("reason")).isEqualTo("insufficient_scope");
        assertThat(TestServer.headers(d, "WWW-Authenticate")).containsExactly("Bearer realm=\"md5.example.com\", "
                + "scope=\"read admin\", error=\"insufficient_scope\", error_description=\"token lacks a required scope\"");
    }

    @Test
    void requiredScopeThatCouldBreakOutOfTheChallengeIsInvalidInput() throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "/api").put("realm", "md5.example.com")
                .put("requiredScopes", new JsonArray().add("read").add("a\", error=\"x"));

        var r = server.post("/v1/verify", req.encode());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getJsonObject("error").getString("message")).startsWith("requiredScopes[1]");
    }

    @Test
    void proxyRoleAnswers407WithProxyAuthenticateForBearerErrorsToo() throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "/api").put("realm", "md5.example.com")
                .put("role", "proxy").put("authorization", "Bearer not.a.token");

        JsonObject d = server.decision("/v1/verify", req);

        assertThat(d.getInteger("status")).isEqualTo(407);
        assertThat(TestServer.headers(d, "Proxy-Authenticate").getLast()).startsWith("Bearer realm=\"md5.example.com\"")
                .contains("error=\"invalid_token\"");
        assertThat(TestServer.headers(d, "WWW-Authenticate")).isEmpty();
    }

    @Test
    void sipChallengeCarriesScopeAndAuthzServerAndSipBearerIsVerified() throws Exception {
        JsonObject req = new JsonObject().put("protocol", "sip").put("method", "REGISTER").put("uri", "sip:example.com")
                .put("realm", "md5.example.com");

        List<String> challenges = TestServer.headers(server.decision("/v1/verify", req), "WWW-Authenticate");
        JsonObject allowed = server.decision("/v1/verify", req.copy().put("role", "proxy")
                .put("authorization", new JsonArray().add("Bearer " + token(ED, "read"))));

        assertThat(challenges.getLast())
                .isEqualTo("Bearer realm=\"md5.example.com\", scope=\"read\", authz_server=\"https://login.example.com\"");
        assertThat(allowed.getString("outcome")).isEqualTo("allow");
    }

    @Test
    void realmWithoutBearerTreatsATokenAsNoCredentials() throws Exception {
        JsonObject d = verify("sha256.example.com", "Bearer " + token(RSA, "read"));

        assertThat(d.getString("reason")).isEqualTo("missing_credentials");
        assertThat(TestServer.headers(d, "WWW-Authenticate")).allMatch(h -> h.startsWith("Digest "));
    }

    @Test
    void keyRotationAtTheIssuerIsPickedUpWithoutRestart() throws Exception {
        assertThat(verify("rotation.example.com", "Bearer " + token(ROTATED_OUT, "")).getString("outcome")).isEqualTo("allow");
        jwks.serve("/rotation", ROTATED_IN.jwks());
        clock.advance(Duration.ofSeconds(11));

        assertThat(verify("rotation.example.com", "Bearer " + token(ROTATED_IN, "")).getString("outcome")).isEqualTo("allow");
        assertThat(verify("rotation.example.com", "Bearer " + token(ROTATED_OUT, "")).getString("reason"))
                .as("the retired key is gone").isEqualTo("invalid_token");
    }

    @Test
    void issuerOutageKeepsCachedKeysWorkingUntilTheStalenessBound() throws Exception {
        assertThat(verify("outage.example.com", "Bearer " + token(CACHED, "")).getString("outcome")).isEqualTo("allow");
        jwks.outage("/outage");
        clock.advance(Duration.ofSeconds(11));

        JsonObject unknownKid = verify("outage.example.com", "Bearer " + token(TestTokens.ec("new"), ""));
        JsonObject cached = verify("outage.example.com", "Bearer " + token(CACHED, ""));
        clock.advance(Duration.ofMinutes(16));
        JsonObject tooStale = verify("outage.example.com", "Bearer " + token(CACHED, ""));

        assertThat(unknownKid.getString("reason")).isEqualTo("invalid_token");
        assertThat(cached.getString("outcome")).isEqualTo("allow");
        assertThat(tooStale.getString("reason")).isEqualTo("unavailable");
        assertThat(tooStale.getInteger("status")).isEqualTo(503);
    }

    @Test
    void floodOfUnknownKidsCostsTheIssuerOneFetch() throws Exception {
        assertThat(verify("flood.example.com", "Bearer " + token(FLOODED, "")).getString("outcome")).isEqualTo("allow");
        int before = jwks.requests("/flood");
        clock.advance(Duration.ofSeconds(11));

        List<String> reasons = IntStream.range(0, 40).parallel().mapToObj(i -> {
            try {
                return verify("flood.example.com", "Bearer " + token(TestTokens.rsa(UUID.randomUUID().toString(),
                        JWSAlgorithm.RS256), "")).getString("reason");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();

        assertThat(reasons).containsOnly("invalid_token");
        assertThat(jwks.requests("/flood") - before).isEqualTo(1);
    }

    @Test
    void curlWithABearerHeaderPassesForwardAuthWithTheSubjectUpstream() throws Exception {
        String url = server.url("/v1/forward-auth?realm=md5.example.com");
        Processes.Result ok = Processes.run(List.of(Processes.require("curl"), "-s", "-o", "/dev/null",
                "-w", "%{http_code} %header{x-authd-user} %header{x-authd-scheme}",
                "-H", "Authorization: Bearer " + token(RSA, "read"), url));
        Processes.Result bad = Processes.run(List.of(Processes.require("curl"), "-s", "-o", "/dev/null",
                "-w", "%{http_code} %header{www-authenticate}", "-H", "Authorization: Bearer x.y.z", url));

        Processes.Result lacksScope = Processes.run(List.of(Processes.require("curl"), "-s", "-o", "/dev/null",
                "-w", "%{http_code} %header{www-authenticate}", "-H", "Authorization: Bearer " + token(RSA, "read"),
                url + "&scope=read+admin"));

        assertThat(ok.stdout()).isEqualTo("200 alice Bearer");
        assertThat(bad.stdout()).startsWith("401 ");
        assertThat(lacksScope.stdout()).isEqualTo("403 Bearer realm=\"md5.example.com\", scope=\"read admin\", "
                + "error=\"insufficient_scope\", error_description=\"token lacks a required scope\"");
    }

    @Test
    void apiKeyCreatedWithTheCliIsAcceptedAndRefusedOnceRevoked() throws Exception {
        String file = dir.resolve("credentials.yaml").toString();
        String key = cli("create", "-f", file, "--realm", "keys.example.com", "--scope", "read").strip();
        String id = key.substring(3, 19);

        Poll.until(Duration.ofSeconds(10), "the reload to serve the new key",
                () -> "allow".equals(quietly(() -> verify("keys.example.com", "Bearer " + key, "read").getString("outcome"))));
        JsonObject allowed = verify("keys.example.com", "Bearer " + key, "read");
        JsonObject wrongSecret = verify("keys.example.com", "Bearer " + key.substring(0, 20) + "A".repeat(43));
        cli("revoke", "-f", file, "--realm", "keys.example.com", id);

        assertThat(allowed.getJsonObject("identity").getString("subject")).isEqualTo(id);
        assertThat(allowed.getJsonObject("identity").encode()).doesNotContain(key.substring(20));
        assertThat(wrongSecret.getString("reason")).isEqualTo("invalid_token");
        Poll.until(Duration.ofSeconds(10), "the reload to drop the revoked key",
                () -> "invalid_token".equals(quietly(() -> verify("keys.example.com", "Bearer " + key).getString("reason"))));
    }

    private static String cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        int code = new picocli.CommandLine(new io.authd.cli.ApiKeyCommand()).setOut(new java.io.PrintWriter(out))
                .execute(args);
        assertThat(code).as("authd apikey " + String.join(" ", args)).isZero();
        return out.toString();
    }

    private interface Call<T> {
        T get() throws Exception;
    }

    private static <T> T quietly(Call<T> call) {
        try {
            return call.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tokensNeverAppearInTheLogEvenAtDebug() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        root.setLevel(Level.DEBUG);
        String good = token(RSA, "read");
        String unknownKid = token(TestTokens.rsa("never-seen", JWSAlgorithm.RS256), "read");
        try {
            verify("md5.example.com", "Bearer " + good);
            verify("md5.example.com", "Bearer " + unknownKid);
            verify("md5.example.com", "Bearer opaque-secret-value-4711");
        } finally {
            root.setLevel(level);
            root.detachAppender(events);
        }
        String signature = good.substring(good.lastIndexOf('.') + 1);
        assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("Bearer token refused in realm md5.example.com: invalid_token (malformed token)");
        assertThat(events.list).allSatisfy(e -> assertThat(e.getFormattedMessage() + e.getThrowableProxy())
                .doesNotContain(signature).doesNotContain(unknownKid.substring(unknownKid.lastIndexOf('.') + 1))
                .doesNotContain("opaque-secret-value-4711"));
    }
}
