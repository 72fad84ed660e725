package io.authd.bearer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One issuer key made ready to check signatures: its JWK (for {@code kid} and type) and a verifier built once,
 * when the keys are loaded, not per token. Verification is pure CPU work in the caller's thread.
 */
public record TrustedKey(JWK jwk, Check check) {

    /** Checks a token's signature with this key. */
    @FunctionalInterface
    public interface Check {
        boolean verify(SignedJWT token);
    }

    /** The SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410 §4), to which the 32 raw key bytes are appended. */
    private static final byte[] ED25519_SPKI = HexFormat.of().parseHex("302a300506032b6570032100");

    public String kid() {
        return jwk.getKeyID();
    }

    /** The key ready for use, or empty when it cannot check signatures (e.g. an HMAC secret under 256 bits). */
    public static Optional<TrustedKey> of(JWK jwk) {
        try {
            JWSVerifier v = switch (jwk) {
                case RSAKey rsa -> new RSASSAVerifier(rsa);
                case ECKey ec -> new ECDSAVerifier(ec);
                case OctetSequenceKey oct -> new MACVerifier(oct);
                case OctetKeyPair okp -> null;
                default -> throw new JOSEException("unsupported key type " + jwk.getKeyType());
            };
            Check check = v != null ? nimbus(v) : ed25519((OctetKeyPair) jwk);
            return Optional.of(new TrustedKey(jwk, check));
        } catch (JOSEException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static Check nimbus(JWSVerifier verifier) {
        return token -> {
            try {
                return token.verify(verifier);
            } catch (JOSEException e) {
                return false;
            }
        };
    }

    /**
     * EdDSA with the JDK's own Ed25519 (JEP 339): nimbus's Ed25519Verifier needs Google Tink, a large dependency
     * for one primitive the JDK has. RFC 8037 §3.1: the signature is over the JWS signing input.
     */
    private static Check ed25519(OctetKeyPair okp) throws GeneralSecurityException {
        if (!com.nimbusds.jose.jwk.Curve.Ed25519.equals(okp.getCurve())) {
            throw new GeneralSecurityException("only Ed25519 OKP keys verify EdDSA");
        }
        byte[] raw = okp.getX().decode();
        byte[] spki = new byte[ED25519_SPKI.length + raw.length];
        System.arraycopy(ED25519_SPKI, 0, spki, 0, ED25519_SPKI.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI.length, raw.length);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        return token -> {
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(key);
                s.update(token.getSigningInput());
                return s.verify(token.getSignature().decode());
            } catch (GeneralSecurityException e) {
                return false;
            }
        };
    }
}
