package io.authd.bench.jmh;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.authd.bearer.JwtAlgorithm;
import io.authd.bearer.StaticIssuerKeys;
import io.authd.bearer.TokenCheck;
import io.authd.bearer.TokenVerifier;
import io.authd.config.BearerOptions;
import io.authd.config.IssuerOptions;
import io.authd.digest.DigestAlgorithm;
import io.authd.digest.DigestHasher;
import io.authd.digest.DigestInput;
import io.authd.digest.HashFunction;
import io.authd.digest.Qop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.text.ParseException;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CPU cost of one credential check, per scheme, with keys already loaded, through authd's own classes: a
 * Bearer JWT checked by {@link TokenVerifier} (parse the compact JWS, pick the issuer's key by kid, verify the
 * signature with the verifier built when the keys were loaded, check the claims) with RS256 (2048-bit), ES256
 * and HS256, next to a Digest answer checked by {@link DigestHasher#matches} (RFC 7616 §3.4.1: HA2 and the
 * response from the stored HA1, then a constant-time compare, what {@code DigestVerifier} does once the nonce
 * and user are known) with MD5 and SHA-256. {@link #baseline} parses a JWT's compact form only, so the
 * differences read as the cryptography. The whole Digest verification is {@link DigestVerifyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VerifyBenchmark {
    private static final String NONCE = "AQABAaIKcXyqq0mW5c7Fh1mR2mY8sJ8w2X1tUq2cHq8AAAAA";
    private static final String ISSUER = "https://login.example.com";

    private String rs256;
    private String es256;
    private String hs256;
    private TokenVerifier tokens;
    private Answer md5;
    private Answer sha256;

    /** A Digest answer and the stored HA1 it is checked against. */
    private record Answer(DigestInput input, String ha1, String response) {
        static Answer of(DigestAlgorithm algorithm) {
            DigestHasher hasher = DigestHasher.current();
            HashFunction h = algorithm.hash();
            String ha1 = hasher.ha1(h, AuthdFixture.USER, AuthdFixture.REALM, AuthdFixture.PASSWORD);
            DigestInput input = new DigestInput(algorithm, "GET", "/api/orders", NONCE, "00000001", "0a4f113b",
                    Qop.AUTH, null);
            return new Answer(input, ha1, hasher.response(input, ha1));
        }

        boolean check() {
            return DigestHasher.current().matches(input, ha1, response);
        }
    }

    @Setup
    public void keys() throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience("authd")
                .subject(AuthdFixture.USER).expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
                .claim("scope", "read write").build();
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
        OctetSequenceKey mac = new OctetSequenceKeyGenerator(256).keyID("mac").generate();
        rs256 = sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, rsa, claims);
        es256 = sign(new ECDSASigner(ec), JWSAlgorithm.ES256, ec, claims);
        hs256 = sign(new MACSigner(mac), JWSAlgorithm.HS256, mac, claims);
        JWKSet keys = new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK(), mac));
        // keys: the issuer's key source as a configuration gives it inline; the verifier gets them prepared.
        IssuerOptions issuer = new IssuerOptions(ISSUER, List.of("authd"), null, keys.toString(false), null,
                List.of(JwtAlgorithm.RS256, JwtAlgorithm.ES256, JwtAlgorithm.HS256), null, null, null);
        BearerOptions bearer = new BearerOptions(List.of(issuer), null, null, null, null, null, null);
        tokens = new TokenVerifier(AuthdFixture.REALM, bearer,
                List.of(new TokenVerifier.Issuer(issuer, StaticIssuerKeys.of(keys))), InstantSource.system());
        md5 = Answer.of(DigestAlgorithm.MD5);
        sha256 = Answer.of(DigestAlgorithm.SHA_256);
        for (String token : List.of(rs256, es256, hs256)) {
            if (!(tokens.check(token, List.of()) instanceof TokenCheck.Valid)) {
                throw new IllegalStateException("the benchmark's own tokens must verify");
            }
        }
    }

    private static String sign(JWSSigner signer, JWSAlgorithm alg, JWK key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Benchmark
    public Object baseline() throws ParseException {
        return SignedJWT.parse(hs256).getHeader();
    }

    @Benchmark
    public TokenCheck jwtRs256() {
        return tokens.check(rs256, List.of());
    }

    @Benchmark
    public TokenCheck jwtEs256() {
        return tokens.check(es256, List.of());
    }

    @Benchmark
    public TokenCheck jwtHs256() {
        return tokens.check(hs256, List.of());
    }

    @Benchmark
    public boolean digestMd5() {
        return md5.check();
    }

    @Benchmark
    public boolean digestSha256() {
        return sha256.check();
    }
}
