package io.authd.bearer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import io.authd.auth.BearerIdentity;
import io.authd.auth.Reason;
import io.authd.config.BearerOptions;
import io.authd.config.IssuerOptions;
import io.authd.testing.MutableClock;
import io.authd.testing.TestTokens;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static io.authd.testing.TestTokens.claims;
import static org.assertj.core.api.Assertions.assertThat;

/** JWT checks without Vert.x: signature, algorithm, claims, skew and scopes, each refusal with its reason. */
class TokenVerifierTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final TestTokens.Key RSA = TestTokens.rsa("rsa-1", JWSAlgorithm.RS256);
    private static final TestTokens.Key PSS = TestTokens.rsa("rsa-pss", JWSAlgorithm.PS256);
    private static final TestTokens.Key EC = TestTokens.ec("ec-1");
    private static final TestTokens.Key ED = TestTokens.ed25519("ed-1");
    private static final TestTokens.Key HMAC = TestTokens.hmac("hs-1");

    private final MutableClock clock = new MutableClock(NOW);

    private TokenVerifier verifier(List<JwtAlgorithm> algorithms, TestTokens.Key... keys) {
        JWKSet set = new JWKSet(java.util.Arrays.stream(keys).map(TestTokens.Key::publicJwk).toList());
        return verifier(algorithms, StaticIssuerKeys.of(set));
    }

    private TokenVerifier verifier(List<JwtAlgorithm> algorithms, IssuerKeys keys) {
        IssuerOptions issuer = new IssuerOptions(TestTokens.ISSUER, List.of(TestTokens.AUDIENCE), null, "{}", null,
                algorithms, null, null, null);
        BearerOptions options = new BearerOptions(List.of(issuer), Duration.ofSeconds(30), List.of("email", "groups"),
                null, null, false, null);
        return new TokenVerifier("example.com", options, List.of(new TokenVerifier.Issuer(issuer, keys)), clock);
    }

    private TokenVerifier all() {
        return verifier(List.of(JwtAlgorithm.values()), RSA, PSS, EC, ED, HMAC);
    }

    private static JWTClaimsSet valid() {
        return claims(NOW, "alice", "read write").build();
    }

    private static TokenCheck.Refused refused(TokenCheck c) {
        assertThat(c).isInstanceOf(TokenCheck.Refused.class);
        return (TokenCheck.Refused) c;
    }

    @Test
    void validTokenGivesSubjectIssuerScopesExpiryAndTheSelectedClaims() {
        JWTClaimsSet c = claims(NOW, "alice", "read write").claim("email", "alice@example.com")
                .claim("groups", List.of("admins")).claim("secret", "not copied").build();

        TokenCheck check = all().check(RSA.sign(c), List.of("read"));

        assertThat(check).isInstanceOf(TokenCheck.Valid.class);
        BearerIdentity id = ((TokenCheck.Valid) check).identity();
        assertThat(id.subject()).isEqualTo("alice");
        assertThat(id.issuer()).isEqualTo(TestTokens.ISSUER);
        assertThat(id.scopes()).containsExactly("read", "write");
        assertThat(id.expiresAt()).isEqualTo(NOW.plusSeconds(600).getEpochSecond());
        assertThat(id.claims()).isEqualTo(Map.of("email", "alice@example.com", "groups", List.of("admins")));
    }

    @Test
    void tokensOfEveryAllowedAlgorithmAndKeyTypeAreAccepted() {
        TokenVerifier v = all();
        for (TestTokens.Key key : List.of(RSA, PSS, EC, ED, HMAC)) {
            assertThat(v.check(key.sign(valid()), List.of())).as(key.alg().getName()).isInstanceOf(TokenCheck.Valid.class);
        }
    }

    @Test
    void expiredTokenIsRefusedAsExpiredToken() {
        clock.advance(Duration.ofSeconds(600 + 31));

        assertThat(refused(all().check(RSA.sign(valid()), List.of())).reason()).isEqualTo(Reason.EXPIRED_TOKEN);
    }

    @Test
    void tokenExpiredLessThanTheClockSkewAgoIsStillAccepted() {
        clock.advance(Duration.ofSeconds(600 + 29));

        assertThat(all().check(RSA.sign(valid()), List.of())).isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void tokenNotYetValidBeyondTheSkewIsRefused() {
        JWTClaimsSet c = claims(NOW, "alice", "").notBeforeTime(Date.from(NOW.plusSeconds(31))).build();

        TokenCheck.Refused r = refused(all().check(RSA.sign(c), List.of()));

        assertThat(r.reason()).isEqualTo(Reason.INVALID_TOKEN);
        assertThat(r.description()).isEqualTo("token not yet valid");
    }

    @Test
    void tokenIssuedInTheFutureIsRefused() {
        JWTClaimsSet c = claims(NOW, "alice", "").issueTime(Date.from(NOW.plusSeconds(120))).build();

        assertThat(refused(all().check(RSA.sign(c), List.of())).description()).isEqualTo("token issued in the future");
    }

    @Test
    void tokenWithoutExpIsRefused() {
        JWTClaimsSet c = claims(NOW, "alice", "").expirationTime(null).build();

        assertThat(refused(all().check(RSA.sign(c), List.of())).description()).isEqualTo("token has no exp");
    }

    @Test
    void tokenOfAnUntrustedIssuerIsRefused() {
        JWTClaimsSet c = claims(NOW, "alice", "").issuer("https://evil.test").build();

        assertThat(refused(all().check(RSA.sign(c), List.of())).description()).isEqualTo("untrusted issuer");
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        JWTClaimsSet c = claims(NOW, "alice", "").audience("another-service").build();

        assertThat(refused(all().check(RSA.sign(c), List.of())).description()).isEqualTo("token is not for this audience");
    }

    @Test
    void tokenSignedByAnotherKeyUnderTheSameKidHasABadSignature() {
        TestTokens.Key impostor = TestTokens.rsa("rsa-1", JWSAlgorithm.RS256);

        TokenCheck.Refused r = refused(all().check(impostor.sign(valid()), List.of()));

        assertThat(r.reason()).isEqualTo(Reason.INVALID_TOKEN);
        assertThat(r.description()).isEqualTo("bad signature");
    }

    @Test
    void tamperedClaimsBreakTheSignature() {
        String[] parts = RSA.sign(valid()).split("\\.");
        String forged = parts[0] + "." + Base64URL.encode(claims(NOW, "mallory", "read write").build().toString())
                + "." + parts[2];

        assertThat(refused(all().check(forged, List.of())).description()).isEqualTo("bad signature");
    }

    @Test
    void unsignedTokenWithAlgNoneIsRefused() {
        String none = Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode(valid().toString()) + ".";

        TokenCheck.Refused r = refused(all().check(none, List.of()));

        assertThat(r.reason()).isEqualTo(Reason.INVALID_TOKEN);
        assertThat(r.description()).isEqualTo("malformed token");
    }

    @Test
    void hs256TokenMacedWithTheIssuersRsaPublicKeyIsRefusedEvenWhenHs256IsAllowed() throws Exception {
        // The classic confusion attack: the RSA public key is public, so an attacker can MAC with its bytes.
        byte[] publicKeyBytes = ((RSAKey) RSA.publicJwk()).toRSAPublicKey().getEncoded();
        String forged = TestTokens.nimbus(new MACSigner(publicKeyBytes))
                .sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), valid());

        TokenCheck.Refused r = refused(verifier(List.of(JwtAlgorithm.RS256, JwtAlgorithm.HS256), RSA).check(forged, List.of()));

        assertThat(r.reason()).isEqualTo(Reason.INVALID_TOKEN);
        assertThat(r.description()).isEqualTo("no key of the issuer fits the algorithm");
    }

    @Test
    void algorithmTheIssuerIsNotAllowedIsRefusedEvenWithAGoodSignature() {
        TokenCheck.Refused r = refused(verifier(List.of(JwtAlgorithm.RS256), RSA, EC).check(EC.sign(valid()), List.of()));

        assertThat(r.description()).isEqualTo("algorithm not allowed");
    }

    @Test
    void unknownKidAsksForTheIssuersKeysAgain() {
        TestTokens.Key rotated = TestTokens.rsa("rsa-2", JWSAlgorithm.RS256);

        assertThat(all().check(rotated.sign(valid()), List.of())).isInstanceOf(TokenCheck.UnknownKey.class);
    }

    @Test
    void issuerWithoutUsableKeysCannotDecide() {
        IssuerKeys none = new IssuerKeys() {
            @Override
            public List<TrustedKey> current() {
                return null;
            }

            @Override
            public Future<Boolean> refetch() {
                return Future.succeededFuture(false);
            }
        };

        assertThat(verifier(List.of(JwtAlgorithm.RS256), none).check(RSA.sign(valid()), List.of()))
                .isInstanceOf(TokenCheck.NoKeys.class);
    }

    @Test
    void missingRequiredScopeIsInsufficientScope() {
        TokenCheck.Refused r = refused(all().check(RSA.sign(valid()), List.of("read", "admin")));

        assertThat(r.reason()).isEqualTo(Reason.INSUFFICIENT_SCOPE);
    }

    @Test
    void scopesFromAnScpArrayCount() {
        JWTClaimsSet c = claims(NOW, "alice", null).claim("scp", List.of("sip:register", "sip:invite")).build();

        TokenCheck check = all().check(ED.sign(c), List.of("sip:register"));

        assertThat(((TokenCheck.Valid) check).identity().scopes()).containsExactly("sip:register", "sip:invite");
    }

    @Test
    void garbageIsAMalformedToken() {
        assertThat(refused(all().check("not-a-jwt", List.of())).description()).isEqualTo("malformed token");
    }
}
