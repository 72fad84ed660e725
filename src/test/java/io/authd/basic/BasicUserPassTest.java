package io.authd.basic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class BasicUserPassTest {

    private static String b64(String userPass) {
        return Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] userPass) {
        return Base64.getEncoder().encodeToString(userPass);
    }

    private static BasicUserPass.Valid valid(String token68) {
        BasicUserPass.Decoded d = BasicUserPass.decode(token68);
        assertThat(d).isInstanceOf(BasicUserPass.Valid.class);
        return (BasicUserPass.Valid) d;
    }

    private static String malformed(String token68) {
        BasicUserPass.Decoded d = BasicUserPass.decode(token68);
        assertThat(d).isInstanceOf(BasicUserPass.Malformed.class);
        return ((BasicUserPass.Malformed) d).reason();
    }

    @Test
    void rfc7617ExampleDecodesToUserAndPassword() {
        // RFC 7617 §2: Aladdin / open sesame.
        BasicUserPass.Valid v = valid("QWxhZGRpbjpvcGVuIHNlc2FtZQ==");

        assertThat(v.user()).isEqualTo("Aladdin");
        assertThat(v.password()).isEqualTo("open sesame");
    }

    @Test
    void firstColonSplitsSoThePasswordMayHoldColons() {
        BasicUserPass.Valid v = valid(b64("alice:a:b:c"));

        assertThat(v.user()).isEqualTo("alice");
        assertThat(v.password()).isEqualTo("a:b:c");
    }

    @Test
    void emptyPasswordAndEmptyUserAreWellFormed() {
        assertThat(valid(b64("alice:")).password()).isEmpty();
        assertThat(valid(b64(":secret")).user()).isEmpty();
    }

    @Test
    void userPassIsUtf8AndNormalisedToNfc() {
        // RFC 7617 §2.1's own example: "test" / "123£" with charset UTF-8.
        assertThat(valid("dGVzdDoxMjPCow==").password()).isEqualTo("123£");
        // "J" + "a" + combining diaeresis (NFD) becomes the precomposed "ä" that stored usernames use.
        assertThat(valid(b64("Ja\u0308s\u00f8n Doe:x")).user()).isEqualTo("J\u00e4s\u00f8n Doe");
    }

    @Test
    void basePaddingMayBeLeftOut() {
        assertThat(valid("QWxhZGRpbjpvcGVuIHNlc2FtZQ").user()).isEqualTo("Aladdin");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            url-safe alphabet               | YWxp-2U6_3Bl     | not base64
            stray padding                   | YQ===            | not base64
            one character                   | Q                | not base64
            no colon                        | bm9jb2xvbg==     | no ':'
            NUL in the user-id              | YWxpY2UAOnB3     | control character
            DEL in the password             | YWxpY2U6cHd/     | control character
            CR LF in the password           | YWxpY2U6cHcNCng= | control character
            Latin-1 byte, not UTF-8         | 6WxpY2U6cHc=     | not UTF-8
            overlong UTF-8 NUL              | wIA6cHc=         | not UTF-8
            """)
    void hostileUserPassIsMalformedWithAClearReason(String behaviour, String token68, String reason) {
        assertThat(malformed(token68)).contains(reason);
    }

    @Test
    void emptyTokenIsMalformed() {
        assertThat(malformed("")).contains("without a user-pass");
        assertThat(malformed(null)).contains("without a user-pass");
    }

    @Test
    void hugeTokenIsRefusedByLengthBeforeDecoding() {
        assertThat(malformed(b64("alice:" + "x".repeat(4000)))).contains("longer than 4096");
    }

    @Test
    void reasonsNeverEchoTheInput() {
        String secret = "hunter2-very-secret";
        for (String token : new String[]{b64("alice" + secret), b64("alice\u0000" + secret), secret + "!", b64(
                (secret + ":").getBytes(StandardCharsets.ISO_8859_1)) + "é"}) {
            assertThat(BasicUserPass.decode(token).toString()).doesNotContain(secret);
        }
        assertThat(valid(b64("alice:" + secret)).toString()).doesNotContain(secret);
    }

    @Test
    void randomBytesAndRandomTextNeverThrow() {
        Random random = new Random(7617);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            char[] chars = new char[random.nextInt(32)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) random.nextInt(0x10000);
            }
            assertThatCode(() -> {
                BasicUserPass.decode(b64(bytes));
                BasicUserPass.decode(new String(chars));
            }).doesNotThrowAnyException();
        }
    }
}
