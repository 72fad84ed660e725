package io.authd.bearer;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an issuer's keys from configuration text: a JWK Set ({@code {"keys": [...]}}, RFC 7517 §5), one JWK,
 * or PEM {@code PUBLIC KEY} blocks (RFC 7468 §13: X.509 SubjectPublicKeyInfo) of RSA, EC P-256 or Ed25519 keys.
 * Only public parts are kept; a private JWK's private members are dropped, so they can never be used or shown.
 */
public final class KeyMaterial {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");
    /** The X.509 SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410 §4); the 32 key bytes follow it. */
    private static final int ED25519_SPKI_PREFIX = 12;

    private KeyMaterial() {
    }

    /** @throws IllegalArgumentException naming what is wrong, never quoting the text (it may hold an HMAC secret) */
    public static JWKSet parse(String text) {
        String t = text.strip();
        try {
            if (t.startsWith("{")) {
                JWKSet set = t.contains("\"keys\"") ? JWKSet.parse(t) : new JWKSet(JWK.parse(t));
                return publicOnly(set);
            }
            return fromPem(t);
        } catch (ParseException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the keys: " + e.getClass().getSimpleName());
        }
    }

    /** Drops private members (RFC 7517 §9.2); a symmetric key is all secret and kept whole. */
    static JWKSet publicOnly(JWKSet set) {
        List<JWK> keys = new ArrayList<>();
        for (JWK k : set.getKeys()) {
            keys.add(KeyType.OCT.equals(k.getKeyType()) ? k : k.toPublicJWK());
        }
        return new JWKSet(keys);
    }

    private static JWKSet fromPem(String text) throws GeneralSecurityException {
        Matcher m = PEM.matcher(text);
        List<JWK> keys = new ArrayList<>();
        while (m.find()) {
            keys.add(jwk(Base64.getMimeDecoder().decode(m.group(1))));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("expected a JWK Set, a JWK or PEM PUBLIC KEY blocks");
        }
        return new JWKSet(keys);
    }

    private static JWK jwk(byte[] spki) throws GeneralSecurityException {
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            PublicKey key;
            try {
                key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
            } catch (GeneralSecurityException notThisType) {
                continue;
            }
            return switch (key) {
                case RSAPublicKey rsa -> new RSAKey.Builder(rsa).build();
                case ECPublicKey ec -> new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
                default -> new OctetKeyPair.Builder(Curve.Ed25519,
                        Base64URL.encode(Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX, spki.length))).build();
            };
        }
        throw new GeneralSecurityException("not an RSA, EC or Ed25519 public key");
    }
}
