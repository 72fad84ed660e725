package io.authd.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestCredentialsParserTest {

    static final String MD5_HEX = "6629fae49393a05397450978507c4ef1";
    static final String SHA256_HEX = "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";

    /** (description, header, keyword the reason must contain); each header parses as RFC 9110 credentials. */
    static Stream<Arguments> malformedDigest() {
        return Stream.of(
                bad("Basic scheme", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "not Digest"),
                bad("Digest with a token68", "Digest dXNlcm5hbWU=", "token68"),
                bad("Digest scheme alone", "Digest", "missing parameter \"realm\""),
                bad("lone name= read as token68", "Digest nonce=", "token68"),
                bad("missing username", edit("username", null), "missing parameter \"username\""),
                bad("missing realm", edit("realm", null), "missing parameter \"realm\""),
                bad("missing nonce", edit("nonce", null), "missing parameter \"nonce\""),
                bad("missing uri", edit("uri", null), "missing parameter \"uri\""),
                bad("missing response", edit("response", null), "missing parameter \"response\""),
                bad("empty username", edit("username", "\"\""), "empty parameter \"username\""),
                bad("empty realm", edit("realm", "\"\""), "empty parameter \"realm\""),
                bad("empty nonce", edit("nonce", "\"\""), "empty parameter \"nonce\""),
                bad("empty uri", edit("uri", "\"\""), "empty parameter \"uri\""),
                bad("empty response", edit("response", "\"\""), "empty parameter \"response\""),
                bad("both username and username*", edit("username*", "UTF-8''alice"), "both"),
                bad("username* with invalid UTF-8", extended("UTF-8''%C3%28"), "invalid UTF-8"),
                bad("username* with overlong UTF-8", extended("UTF-8''%C0%AF"), "invalid UTF-8"),
                bad("username* with an encoded surrogate", extended("UTF-8''%ED%A0%80"), "invalid UTF-8"),
                bad("username* with a truncated sequence", extended("UTF-8''J%C3"), "invalid UTF-8"),
                bad("username* with a 5-byte lead", extended("UTF-8''%F8%88%80%80%80"), "invalid UTF-8"),
                bad("username* with a non-hex escape", extended("UTF-8''%G1"), "percent-escape"),
                bad("username* with a cut escape", extended("UTF-8''ab%4"), "percent-escape"),
                bad("username* with a trailing %", extended("UTF-8''ab%"), "percent-escape"),
                bad("username* with a raw space", extended("\"UTF-8''J%C3%A4son Doe\""), "percent-escape"),
                bad("username* with raw non-ASCII", extended("\"UTF-8''J\u00E4son\""), "percent-escape"),
                bad("username* without quotes", extended("UTF-8J%C3%A4"), "ext-value"),
                bad("username* with one quote", extended("UTF-8'abc"), "ext-value"),
                bad("username* with a bad language tag", extended("\"UTF-8'e n'abc\""), "ext-value"),
                bad("username* with an unsupported charset", extended("KOI8-R''abc"), "charset"),
                bad("username* with an empty charset", extended("''abc"), "charset"),
                bad("username* decoding to NUL", extended("UTF-8''%00admin"), "control character"),
                bad("username* decoding to CR LF", extended("UTF-8''admin%0D%0AX-Evil%3A%201"), "control character"),
                bad("username* decoding to nothing", extended("UTF-8''"), "empty parameter \"username*\""),
                bad("username* with userhash=true", edit("username", null, "username*", "UTF-8''" + MD5_HEX,
                        "userhash", "true"), "userhash=true"),
                bad("userhash neither true nor false", edit("userhash", "maybe"), "\"userhash\""),
                bad("userhash=1", edit("userhash", "1"), "\"userhash\""),
                bad("userhash=true with a plain username", edit("userhash", "true"), "32 hex digits"),
                bad("userhash=true with a short hash", edit("userhash", "true", "username", MD5_HEX.substring(1)),
                        "32 hex digits"),
                bad("nc with 7 digits", edit("nc", "0000001"), "8 hex digits"),
                bad("nc with 9 digits", edit("nc", "000000001"), "8 hex digits"),
                bad("nc with a non-hex digit", edit("nc", "0000000g"), "8 hex digits"),
                bad("nc with Arabic-Indic digits", edit("nc", "\"\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0661\""),
                        "8 hex digits"),
                bad("nc with a sign", edit("nc", "+0000001"), "8 hex digits"),
                bad("nc with a space", edit("nc", "\" 0000001\""), "8 hex digits"),
                bad("nc zero", edit("nc", "00000000"), "must not be zero"),
                bad("qop unknown", edit("qop", "auth-conf"), "\"qop\""),
                bad("qop list offered as the answer", edit("qop", "\"auth,auth-int\""), "\"qop\""),
                bad("qop with a dotless i", edit("qop", "\"auth-\u0131nt\""), "\"qop\""),
                bad("qop empty", edit("qop", "\"\""), "\"qop\""),
                bad("qop without cnonce", edit("cnonce", null), "missing parameter \"cnonce\""),
                bad("qop without nc", edit("nc", null), "missing parameter \"nc\""),
                bad("qop with empty cnonce", edit("cnonce", "\"\""), "empty parameter \"cnonce\""),
                bad("qop with empty nc", edit("nc", "\"\""), "empty parameter \"nc\""),
                bad("nc without qop", edit("qop", null, "cnonce", null), "\"nc\" without qop"),
                bad("cnonce without qop", edit("qop", null, "nc", null), "\"cnonce\" without qop"),
                bad("MD5-sess without qop", rfc2069("MD5-sess"), "MD5-sess without qop"),
                bad("SHA-256-sess without qop", rfc2069("SHA-256-sess").replace(MD5_HEX, SHA256_HEX), "without qop"),
                bad("MD5 response of 31 digits", edit("response", MD5_HEX.substring(1)), "32 hex digits for MD5"),
                bad("MD5 response of 33 digits", edit("response", MD5_HEX + "0"), "32 hex digits"),
                bad("SHA-256 response of MD5 length", edit("algorithm", "SHA-256"), "64 hex digits for SHA-256"),
                bad("non-hex response", edit("response", "\"" + "z".repeat(32) + "\""), "32 hex digits"),
                bad("response with fullwidth digits", edit("response", "\"" + "\uFF11".repeat(32) + "\""), "hex digits"),
                bad("algorithm that is not a token", edit("algorithm", "\"SHA 256\""), "\"algorithm\""),
                bad("empty algorithm", edit("algorithm", "\"\""), "\"algorithm\""));
    }

    private static Arguments bad(String description, String header, String keyword) {
        return Arguments.of(description, header, keyword);
    }

    /** A valid MD5 qop=auth header with {@code name, value} pairs replaced; a null value removes the name. */
    static String edit(String... nameValues) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("username", "\"alice\"");
        params.put("realm", "\"example.com\"");
        params.put("nonce", "\"n0nce\"");
        params.put("uri", "\"/x\"");
        params.put("response", "\"" + MD5_HEX + "\"");
        params.put("qop", "auth");
        params.put("nc", "00000001");
        params.put("cnonce", "\"c0\"");
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], nameValues[i + 1]);
        }
        params.values().removeIf(v -> v == null);
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "Digest ", ""));
    }

    private static String extended(String rawValue) {
        return edit("username", null, "username*", rawValue);
    }

    private static String rfc2069(String algorithm) {
        return edit("qop", null, "nc", null, "cnonce", null, "algorithm", algorithm);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDigest")
    void malformedDigestCredentialsAreRejectedWithAPreciseReason(String description, String header, String keyword) {
        DigestParse result = DigestCredentialsParser.parse(AuthorizationParserTest.single(header));

        assertThat(result).isInstanceOf(DigestParse.Malformed.class);
        assertThat(((DigestParse.Malformed) result).reason()).contains(keyword);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDigest")
    void malformedDigestCredentialsDoNotThrow(String description, String header, String keyword) {
        Credentials credentials = AuthorizationParserTest.single(header);

        assertThatCode(() -> DigestCredentialsParser.parse(credentials)).doesNotThrowAnyException();
    }

    @Test
    void curlHeaderWithUserhashAndSha256IsValid() {
        String userhash = "5a1a8a47df5c298551b9b42ba9b05835174a5bd7d511ff7fe9191d8e946fc4e7";
        DigestCredentials c = valid("Digest username=\"" + userhash + "\", realm=\"example.com\", nonce=\"n/+=\", "
                + "uri=\"/v1/forward-auth?realm=example.com\", cnonce=\"ZTU2NjE2\", nc=00000001, qop=auth, "
                + "response=\"" + SHA256_HEX + "\", algorithm=SHA-256, userhash=true");

        assertThat(c).isEqualTo(new DigestCredentials(userhash, true, "example.com", "n/+=",
                "/v1/forward-auth?realm=example.com", SHA256_HEX, DigestAlgorithm.SHA_256, "SHA-256", "ZTU2NjE2",
                null, Qop.AUTH, "00000001", 1));
    }

    @Test
    void pythonUrllibHeaderWithQuotedAlgorithmIsValid() {
        DigestCredentials c = valid("Digest username=\"alice\", realm=\"example.com\", nonce=\"n\", uri=\"/x\", "
                + "response=\"" + MD5_HEX + "\", opaque=\"op\", algorithm=\"MD5\", qop=auth, nc=00000001, "
                + "cnonce=\"c\"");

        assertThat(c.algorithm()).isEqualTo(DigestAlgorithm.MD5);
        assertThat(c.opaque()).isEqualTo("op");
        assertThat(c.userhash()).isFalse();
    }

    @Test
    void sippHeaderWithAuthIntAndNoSpacesIsValid() {
        DigestCredentials c = valid("Digest username=\"alice\",realm=\"example.com\",cnonce=\"6b8b4567\",nc=00000001,"
                + "qop=auth-int,uri=\"sip:127.0.0.1:5060\",nonce=\"n\",response=\"" + MD5_HEX + "\",algorithm=MD5");

        assertThat(c.qop()).isEqualTo(Qop.AUTH_INT);
        assertThat(c.uri()).isEqualTo("sip:127.0.0.1:5060");
        assertThat(c.cnonce()).isEqualTo("6b8b4567");
    }

    @Test
    void phoneHeaderQuotingQopNcAndUserhashIsValid() {
        DigestCredentials c = valid(edit("qop", "\"auth\"", "nc", "\"00000002\"", "userhash", "\"FALSE\""));

        assertThat(c.qop()).isEqualTo(Qop.AUTH);
        assertThat(c.ncValue()).isEqualTo(2);
        assertThat(c.userhash()).isFalse();
    }

    @Test
    void requestWithoutQopIsValidWithoutNonceCount() {
        DigestCredentials c = valid(rfc2069("MD5"));

        assertThat(c.qop()).isNull();
        assertThat(c.nc()).isNull();
        assertThat(c.cnonce()).isNull();
        assertThat(c.ncValue()).isEqualTo(-1);
    }

    @Test
    void absentAlgorithmMeansMd5() {
        DigestCredentials c = valid(edit());

        assertThat(c.algorithm()).isEqualTo(DigestAlgorithm.MD5);
        assertThat(c.algorithmToken()).isEqualTo("MD5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-1", "MD4", "SHA-512", "\"SHA-1\"", "X-Custom-sess"})
    void unknownAlgorithmIsValidWithNullAlgorithmSoTheCallerAnswersUnsupported(String algorithm) {
        DigestCredentials c = valid(edit("algorithm", algorithm, "response", "\"" + "ab".repeat(20) + "\""));

        assertThat(c.algorithm()).isNull();
        assertThat(c.algorithmToken()).isEqualTo(algorithm.replace("\"", ""));
    }

    @Test
    void unknownAlgorithmWithoutQopIsValid() {
        assertThat(valid(edit("qop", null, "nc", null, "cnonce", null, "algorithm", "SHA-1")).algorithm()).isNull();
    }

    @Test
    void algorithmTokenIsMatchedIgnoringCaseAndKeptAsSent() {
        DigestCredentials c = valid(edit("algorithm", "sha-256-SESS", "response", SHA256_HEX));

        assertThat(c.algorithm()).isEqualTo(DigestAlgorithm.SHA_256_SESS);
        assertThat(c.algorithmToken()).isEqualTo("sha-256-SESS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000A:10", "0000000a:10", "FFFFFFFF:4294967295", "00000001:1"})
    void nonceCountIsHexOfEitherCase(String ncAndValue) {
        String[] parts = ncAndValue.split(":");

        DigestCredentials c = valid(edit("nc", parts[0]));

        assertThat(c.nc()).isEqualTo(parts[0]);
        assertThat(c.ncValue()).isEqualTo(Long.parseLong(parts[1]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8''J%C3%A4s%C3%B8n%20Doe", "utf-8'en'J%C3%A4s%C3%B8n%20Doe",
            "\"UTF-8'de-CH'J%c3%a4s%c3%b8n%20Doe\"", "ISO-8859-1''J%E4s%F8n%20Doe"})
    void extendedUsernameIsDecoded(String extValue) {
        assertThat(valid(extended(extValue)).username()).isEqualTo("J\u00E4s\u00F8n Doe");
    }

    @Test
    void extendedUsernameKeepsAttrCharsAsIs() {
        assertThat(valid(extended("UTF-8''a!#$&+-.^_`|~z")).username()).isEqualTo("a!#$&+-.^_`|~z");
    }

    @Test
    void userhashWithUnknownAlgorithmSkipsTheLengthCheck() {
        DigestCredentials c = valid(edit("userhash", "TRUE", "algorithm", "SHA-1"));

        assertThat(c.userhash()).isTrue();
        assertThat(c.username()).isEqualTo("alice");
    }

    @Test
    void unknownDirectivesAreIgnored() {
        DigestCredentials c = valid(edit("charset", "UTF-8", "x-vendor", "\"?\"", "stale", "true", "opaque", "\"\""));

        assertThat(c.username()).isEqualTo("alice");
        assertThat(c.opaque()).isEmpty();
    }

    @Test
    void upperCaseHexResponseIsAccepted() {
        assertThat(valid(edit("response", MD5_HEX.toUpperCase())).response()).isEqualTo(MD5_HEX.toUpperCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"digest", "DIGEST", "dIgEsT"})
    void schemeIsCaseInsensitive(String scheme) {
        assertThat(valid(edit().replace("Digest", scheme)).realm()).isEqualTo("example.com");
    }

    @Test
    void eachOfTwoCredentialsForTwoRealmsIsValid() {
        List<Credentials> both = AuthorizationParserTest.parsed(edit() + ", " + edit("realm", "\"b.example\""));

        assertThat(both).extracting(DigestCredentialsParser::parse)
                .allSatisfy(r -> assertThat(r).isInstanceOf(DigestParse.Valid.class))
                .extracting(r -> ((DigestParse.Valid) r).credentials().realm())
                .containsExactly("example.com", "b.example");
    }

    @Test
    void escapedQuoteInUsernameSurvives() {
        assertThat(valid(edit("username", "\"al\\\"ice\"")).username()).isEqualTo("al\"ice");
    }

    static DigestCredentials valid(String header) {
        DigestParse result = DigestCredentialsParser.parse(AuthorizationParserTest.single(header));
        assertThat(result).isInstanceOf(DigestParse.Valid.class);
        return ((DigestParse.Valid) result).credentials();
    }
}
