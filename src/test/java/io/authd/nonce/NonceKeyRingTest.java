package io.authd.nonce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NonceKeyRingTest {
    private static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String SECRET_URL = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[40]);

    @Test
    void parsesLinesCommasCommentsAndBothBase64Alphabets() {
        var parse = NonceKeyRing.parse("# ring\n1:" + SECRET + "\n\n 2:" + SECRET_URL + " , 3:" + SECRET
                + ":2026-12-01T00:00:00Z");
        assertThat(parse).isInstanceOf(KeyRingParse.Parsed.class);
        NonceKeyRing ring = ((KeyRingParse.Parsed) parse).ring();
        assertThat(ring.keys()).extracting(NonceKey::id).containsExactly(3, 2, 1);
        assertThat(ring.key(3).notBefore()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void highestActiveIdSigns() {
        var ring = ((KeyRingParse.Parsed) NonceKeyRing.parse("1:" + SECRET + "\n2:" + SECRET + ":1000")).ring();
        assertThat(ring.signingKey(999_999).id()).isEqualTo(1);
        assertThat(ring.signingKey(1_000_000).id()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty ring|''|at least one key",
            "only comments|'# nothing'|at least one key",
            "no colon|'abc'|expected id:secret",
            "id not a number|'one:AAAA'|id must be",
            "id zero|'0:AAAA'|id must be",
            "id too large|'70000:AAAA'|id must be",
            "secret not base64|'1:@@@@'|not base64",
            "secret too short|'1:AAAAAAAA'|at least 32 bytes",
            "bad notBefore|'1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:tomorrow'|notBefore",
    })
    void invalidRingsAreRefusedWithAReason(String name, String text, String expected) {
        var parse = NonceKeyRing.parse(text);
        assertThat(parse).isInstanceOf(KeyRingParse.Invalid.class);
        assertThat(((KeyRingParse.Invalid) parse).reason()).contains(expected);
    }

    @Test
    void duplicateIdsAreRefused() {
        var parse = NonceKeyRing.parse("1:" + SECRET + "\n1:" + SECRET_URL);
        assertThat(((KeyRingParse.Invalid) parse).reason()).contains("unique");
    }

    @Test
    void reasonsNeverEchoTheSecret() {
        String secret = "c2VjcmV0LXNlY3JldC1zZWNyZXQ"; // 20 bytes: too short
        var parse = (KeyRingParse.Invalid) NonceKeyRing.parse("1:" + secret);
        assertThat(parse.reason()).doesNotContain(secret);
        assertThat(NonceKeyRing.generate().keys().get(0).toString()).doesNotContain("secret=");
    }

    @Test
    void emptyRingIsAProgrammerError() {
        assertThatThrownBy(() -> NonceKeyRing.of(java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
