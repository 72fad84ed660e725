package io.authd.bearer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;

import java.util.Optional;

/**
 * The JWS algorithms an issuer may be allowed (RFC 7518 §3, RFC 8037 §3.1 for EdDSA), each tied to the one key
 * type it may be verified with. {@code none} is not here, so it can never be allowed; and because a key is only
 * used with the algorithms of its own type, an HS256 token "signed" with an issuer's RSA public key as the HMAC
 * secret (algorithm confusion) finds no key to check it with.
 */
public enum JwtAlgorithm {
    /** RFC 7518 §3.3: RSASSA-PKCS1-v1_5 with SHA-256. */
    RS256(JWSAlgorithm.RS256, KeyType.RSA, null),
    /** RFC 7518 §3.5: RSASSA-PSS with SHA-256. */
    PS256(JWSAlgorithm.PS256, KeyType.RSA, null),
    /** RFC 7518 §3.4: ECDSA on P-256 with SHA-256. */
    ES256(JWSAlgorithm.ES256, KeyType.EC, Curve.P_256),
    /** RFC 8037 §3.1: EdDSA; only Ed25519 keys are accepted. */
    EDDSA(JWSAlgorithm.EdDSA, KeyType.OKP, Curve.Ed25519),
    /** RFC 7518 §3.2: HMAC with SHA-256, a secret shared with the issuer (at least 256 bits, §3.2). */
    HS256(JWSAlgorithm.HS256, KeyType.OCT, null);

    private final JWSAlgorithm jws;
    private final KeyType keyType;
    private final Curve curve;

    JwtAlgorithm(JWSAlgorithm jws, KeyType keyType, Curve curve) {
        this.jws = jws;
        this.keyType = keyType;
        this.curve = curve;
    }

    /** The name in a JWS header's {@code alg}, e.g. {@code EdDSA}. */
    public String token() {
        return jws.getName();
    }

    public JWSAlgorithm jws() {
        return jws;
    }

    /** True when {@code key} may check this algorithm: same key type, same curve, and no other {@code alg} pinned. */
    public boolean fits(JWK key) {
        if (!keyType.equals(key.getKeyType()) || key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(token())) {
            return false;
        }
        if (key.getKeyUse() != null && !"sig".equals(key.getKeyUse().identifier())) {
            return false;
        }
        return curve == null || curve.equals(curveOf(key));
    }

    private static Curve curveOf(JWK key) {
        return key instanceof ECKey ec ? ec.getCurve() : key instanceof OctetKeyPair okp ? okp.getCurve() : null;
    }

    /** Exact, case-sensitive lookup of a header's {@code alg} (RFC 7515 §4.1.1: a case-sensitive string). */
    public static Optional<JwtAlgorithm> fromToken(String alg) {
        for (JwtAlgorithm a : values()) {
            if (a.token().equals(alg)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
