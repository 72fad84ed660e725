package io.authd.bench.jmh;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CPU cost of one credential check, per scheme, with keys already cached: a Bearer JWT (RS256 2048-bit,
 * ES256, HS256: parse the compact JWS, verify the signature with a verifier built once, as authd's TrustedKey
 * does, and parse the claims) next to a Digest answer (RFC 7616 §3.4.1: HA2 and the response from a stored HA1,
 * then a constant-time compare, as authd's DigestVerifier does) with MD5 and SHA-256. {@link #baseline} parses a
 * JWT's compact form only, so the differences read as the cryptography. The module does not depend on authd's
 * classes (see pom.xml), so these are the same library calls authd makes, not authd's own classes.
 *
 * <p>Run: {@code java -jar target/authd-benchmarks.jar VerifyBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VerifyBenchmark {
    private static final String NONCE = "AQABAaIKcXyqq0mW5c7Fh1mR2mY8sJ8w2X1tUq2cHq8AAAAA";
    private static final String REALM = "example.com";

    private String rs256;
    private String es256;
    private String hs256;
    private JWSVerifier rsaVerifier;
    private JWSVerifier ecVerifier;
    private JWSVerifier macVerifier;
    private String md5Ha1;
    private String md5Response;
    private String sha256Ha1;
    private String sha256Response;

    @Setup
    public void keys() throws JOSEException, NoSuchAlgorithmException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://login.example.com").audience("authd")
                .subject("alice").expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
                .claim("scope", "read write").build();
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
        OctetSequenceKey mac = new OctetSequenceKeyGenerator(256).keyID("mac").generate();
        rs256 = sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, claims);
        es256 = sign(new ECDSASigner(ec), JWSAlgorithm.ES256, claims);
        hs256 = sign(new MACSigner(mac), JWSAlgorithm.HS256, claims);
        rsaVerifier = new RSASSAVerifier(rsa.toPublicJWK());
        ecVerifier = new ECDSAVerifier(ec.toPublicJWK());
        macVerifier = new MACVerifier(mac);
        md5Ha1 = hex("MD5", "alice:" + REALM + ":wonderland");
        md5Response = response("MD5", md5Ha1);
        sha256Ha1 = hex("SHA-256", "alice:" + REALM + ":wonderland");
        sha256Response = response("SHA-256", sha256Ha1);
    }

    private static String sign(JWSSigner signer, JWSAlgorithm alg, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID("k").build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Benchmark
    public Object baseline() throws ParseException {
        return SignedJWT.parse(hs256).getHeader();
    }

    @Benchmark
    public Object jwtRs256() throws Exception {
        return verify(rs256, rsaVerifier);
    }

    @Benchmark
    public Object jwtEs256() throws Exception {
        return verify(es256, ecVerifier);
    }

    @Benchmark
    public Object jwtHs256() throws Exception {
        return verify(hs256, macVerifier);
    }

    @Benchmark
    public boolean digestMd5() throws NoSuchAlgorithmException {
        return digest("MD5", md5Ha1, md5Response);
    }

    @Benchmark
    public boolean digestSha256() throws NoSuchAlgorithmException {
        return digest("SHA-256", sha256Ha1, sha256Response);
    }

    private static Object verify(String token, JWSVerifier verifier) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(verifier)) {
            throw new IllegalStateException("the benchmark's own token must verify");
        }
        return jwt.getJWTClaimsSet();
    }

    private static boolean digest(String algorithm, String ha1, String expected) throws NoSuchAlgorithmException {
        return MessageDigest.isEqual(response(algorithm, ha1).getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII));
    }

    /** RFC 7616 §3.4.1 with qop=auth: KD(HA1, nonce:nc:cnonce:qop:H(method:uri)). */
    private static String response(String algorithm, String ha1) throws NoSuchAlgorithmException {
        String ha2 = hex(algorithm, "GET:/api/orders");
        return hex(algorithm, String.join(":", List.of(ha1, NONCE, "00000001", "0a4f113b", "auth", ha2)));
    }

    private static String hex(String algorithm, String data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8)));
    }
}
