package io.authd.bearer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.authd.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issuer keys from configuration text: PEM public keys of each type, JWKs, and what is refused. */
class KeyMaterialTest {

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void pemBlocksOfRsaEcAndEd25519KeysBecomeJwksThatVerifyTheirTokens() throws Exception {
        TestTokens.Key rsa = TestTokens.rsa(null, JWSAlgorithm.RS256);
        TestTokens.Key ec = TestTokens.ec(null);
        TestTokens.Key ed = TestTokens.ed25519(null);
        OctetKeyPair okp = (OctetKeyPair) ed.publicJwk();
        byte[] spki = java.util.HexFormat.of().parseHex("302a300506032b6570032100");
        byte[] edSpki = java.nio.ByteBuffer.allocate(44).put(spki).put(okp.getX().decode()).array();
        String text = pem(((RSAKey) rsa.publicJwk()).toPublicKey()) + pem(((ECKey) ec.publicJwk()).toPublicKey())
                + "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(edSpki) + "\n-----END PUBLIC KEY-----\n";

        JWKSet set = KeyMaterial.parse(text);

        assertThat(set.getKeys()).extracting(JWK::getKeyType).containsExactly(KeyType.RSA, KeyType.EC, KeyType.OKP);
        List<TrustedKey> keys = TrustedKeys.prepare(set);
        var claims = TestTokens.claims(java.time.Instant.now(), "alice", "").build();
        assertThat(keys.get(0).check().verify(com.nimbusds.jwt.SignedJWT.parse(rsa.sign(claims)))).isTrue();
        assertThat(keys.get(1).check().verify(com.nimbusds.jwt.SignedJWT.parse(ec.sign(claims)))).isTrue();
        assertThat(keys.get(2).check().verify(com.nimbusds.jwt.SignedJWT.parse(ed.sign(claims)))).isTrue();
    }

    @Test
    void privateJwkKeepsOnlyItsPublicPart() throws Exception {
        RSAKey withPrivate = new RSAKeyGenerator(2048).keyID("k").generate();

        JWK key = KeyMaterial.parse(withPrivate.toJSONString()).getKeys().get(0);

        assertThat(key.isPrivate()).isFalse();
        assertThat(key.getKeyID()).isEqualTo("k");
    }

    @Test
    void unreadableKeysAreRefusedWithoutQuotingTheText() {
        assertThatThrownBy(() -> KeyMaterial.parse("{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"")).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("c2VjcmV0");
        assertThatThrownBy(() -> KeyMaterial.parse("hunter2")).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("hunter2");
    }

    @Test
    void hmacSecretShorterThan256BitsIsLeftOut() {
        JWKSet set = KeyMaterial.parse("{\"kty\":\"oct\",\"kid\":\"short\",\"k\":\"c2hvcnQ\"}");

        assertThat(TrustedKeys.prepare(set)).isEmpty();
    }
}
