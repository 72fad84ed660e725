package io.authd.digest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenLookupTest {

    @Test
    void tokensAreFoundWhateverTheirAsciiCase() {
        assertThat(DigestAlgorithm.fromToken("sha-256-SESS")).contains(DigestAlgorithm.SHA_256_SESS);
        assertThat(HashFunction.fromToken("sha-512-256")).contains(HashFunction.SHA_512_256);
        assertThat(Qop.fromToken("Auth-Int")).contains(Qop.AUTH_INT);
    }

    @Test
    void nonAsciiLookAlikesOfATokenAreNotFound() {
        // U+017F (long s) upper-cases to 'S', U+0130 (dotted capital I) lower-cases to 'i'.
        assertThat(DigestAlgorithm.fromToken("\u017FHA-256")).isEmpty();
        assertThat(HashFunction.fromToken("\u017Fha-256")).isEmpty();
        assertThat(Qop.fromToken("auth-\u0130nt")).isEmpty();
    }

    @Test
    void nullEmptyAndUnknownTokensAreNotFound() {
        assertThat(DigestAlgorithm.fromToken(null)).isEmpty();
        assertThat(HashFunction.fromToken("")).isEmpty();
        assertThat(Qop.fromToken("auth-conf")).isEmpty();
        assertThat(DigestAlgorithm.fromToken("SHA-256-sess-extra")).isEmpty();
    }
}
