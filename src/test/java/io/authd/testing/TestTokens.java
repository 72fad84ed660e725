package io.authd.testing;

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
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * Test issuers' keys (RSA, EC P-256, Ed25519, HMAC) and the tokens they sign. Ed25519 signs with the JDK, as
 * authd verifies with it; the others with nimbus's signers, so authd's checks meet an independent signer.
 */
public final class TestTokens {
    public static final String ISSUER = "https://issuer.test";
    public static final String AUDIENCE = "authd-test";

    /** A signing key: its algorithm, its public (or, for HMAC, secret) JWK, and how to sign. */
    public record Key(JWSAlgorithm alg, JWK publicJwk, Signing signing) {

        /** A token with these claims, signed by this key, its kid in the header. */
        public String sign(JWTClaimsSet claims) {
            return signing.sign(new JWSHeader.Builder(alg).keyID(publicJwk.getKeyID()).build(), claims);
        }

        public JWKSet jwks() {
            return new JWKSet(publicJwk);
        }
    }

    @FunctionalInterface
    public interface Signing {
        String sign(JWSHeader header, JWTClaimsSet claims);
    }

    private TestTokens() {
    }

    public static Key rsa(String kid, JWSAlgorithm alg) {
        try {
            RSAKey k = new RSAKeyGenerator(2048).keyID(kid).generate();
            return new Key(alg, k.toPublicJWK(), nimbus(new RSASSASigner(k)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Key ec(String kid) {
        try {
            ECKey k = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
            return new Key(JWSAlgorithm.ES256, k.toPublicJWK(), nimbus(new ECDSASigner(k)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Key hmac(String kid) {
        try {
            OctetSequenceKey k = new OctetSequenceKeyGenerator(256).keyID(kid).generate();
            return new Key(JWSAlgorithm.HS256, k, nimbus(new MACSigner(k)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Key ed25519(String kid) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded();
            OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.Ed25519,
                    Base64URL.encode(Arrays.copyOfRange(spki, spki.length - 32, spki.length))).keyID(kid).build();
            return new Key(JWSAlgorithm.EdDSA, jwk, (header, claims) -> {
                String input = header.toBase64URL() + "." + Base64URL.encode(claims.toString());
                try {
                    Signature s = Signature.getInstance("Ed25519");
                    s.initSign(pair.getPrivate());
                    s.update(input.getBytes(StandardCharsets.US_ASCII));
                    return input + "." + Base64URL.encode(s.sign());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs with any signer (also a wrong one, for attacks) under the given header. */
    public static Signing nimbus(JWSSigner signer) {
        return (header, claims) -> {
            SignedJWT jwt = new SignedJWT(header, claims);
            try {
                jwt.sign(signer);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        };
    }

    /** Claims a valid token for {@link #ISSUER} and {@link #AUDIENCE} has at {@code now}, valid for 10 minutes. */
    public static JWTClaimsSet.Builder claims(Instant now, String subject, String scope) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(List.of(AUDIENCE)).subject(subject)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("scope", scope);
    }
}
