package io.authd.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationParserTest {

    static final String SECRET = "s3cr3t-d0-n0t-l0g";

    /** (description, hostile input, keyword the reason must contain). */
    static Stream<Arguments> malformedHeaders() {
        return Stream.of(
                bad("unterminated quoted-string", "Digest nonce=\"abc", "unterminated quoted-string"),
                bad("unterminated quoted-string after escaped quote", "Digest nonce=\"abc\\\"", "unterminated"),
                bad("unterminated quoted-string swallowing later params", "Digest realm=\"x, nonce=y", "unterminated"),
                bad("trailing backslash in quoted-string", "Digest nonce=\"abc\\", "lone backslash"),
                bad("64 KiB value", "Digest nonce=\"" + "a".repeat(65_536) + "\"", "8192"),
                bad("1 MiB header", "Digest " + "a".repeat(1 << 20), "8192"),
                bad("header one character over the limit", "x".repeat(8193), "8192"),
                bad("quoted value over 1024 characters", "Digest nonce=\"" + "a".repeat(1025) + "\"", "1024"),
                bad("token value over 1024 characters", "Digest nonce=" + "a".repeat(1025), "1024"),
                bad("duplicate parameter", "Digest realm=\"a\", realm=\"b\"", "duplicate parameter \"realm\""),
                bad("duplicate parameter differing in case", "Digest realm=\"a\", REALM=\"a\"", "duplicate parameter \"realm\""),
                bad("duplicate parameter once quoted once not", "Digest qop=auth, Qop=\"auth\"", "duplicate parameter \"qop\""),
                bad("NUL in a parameter name", "Digest rea\0lm=\"x\"", "U+0000"),
                bad("NUL in a quoted value", "Digest realm=\"x\0y\"", "U+0000"),
                bad("NUL between parameters", "Digest realm=\"x\",\0 nonce=\"y\"", "U+0000"),
                bad("NUL as the whole header", "\0", "U+0000"),
                bad("NUL after an earlier syntax error", "Digest realm=\"x\" nonce=\"y\0\"", "U+0000"),
                bad("NUL escaped in a quoted-pair", "Digest realm=\"x\\\0\"", "U+0000"),
                bad("CR LF header injection", "Digest realm=\"x\"\r\nX-Authd-User: root", "U+000D"),
                bad("bare LF", "Digest realm=\"x\nnonce\"", "U+000A"),
                bad("DEL in a value", "Digest realm=\"x\u007Fy\"", "U+007F"),
                bad("ANSI escape aimed at log viewers", "Digest realm=\"\u001B[31mred\"", "U+001B"),
                bad("vertical tab as whitespace", "Digest\u000Brealm=\"x\"", "U+000B"),
                bad("lone high surrogate in a quoted value", "Digest username=\"a\uD800b\"", "surrogate"),
                bad("lone low surrogate in a quoted value", "Digest username=\"a\uDC00b\"", "surrogate"),
                bad("high surrogate at the very end", "Digest username=\uD83D", "surrogate"),
                bad("surrogate pair in the wrong order", "Digest username=\"\uDE00\uD83D\"", "surrogate"),
                bad("thousands of parameters", "Digest " + manyParams(1000), "more than 32 parameters"),
                bad("33 parameters", "Digest " + manyParams(33), "more than 32 parameters"),
                bad("9 credentials in one header", credentials(9), "more than 8 credentials"),
                bad("parameter without \"=\"", "Digest username \"alice\"", "without \"=\""),
                bad("parameters separated by spaces only", "Digest realm=\"x\" nonce=\"y\"", "expected \",\""),
                bad("parameters separated by semicolons", "Digest realm=\"x\"; nonce=\"y\"", "';'"),
                bad("garbage after a closing quote", "Digest realm=\"x\"y, nonce=\"z\"", "after parameter \"realm\""),
                bad("\"=\" without a name after the scheme", "Digest =\"x\"", "\"=\" without a parameter name"),
                bad("\"=\" without a name after a comma", "Digest realm=\"x\", =abc", "\"=\" without a parameter name"),
                bad("value-less name= at the end", "Digest realm=\"x\", nonce=", "has no value"),
                bad("value-less name= before a comma", "Digest realm=\"x\", nonce= , uri=\"/\"", "has no value"),
                bad("double \"=\"", "Digest realm==\"x\"", "'='"),
                bad("bad token as first parameter name", "Digest nonce@=x", "'@'"),
                bad("bad token as later parameter name", "Digest realm=\"x\", nonce@=x", "'@'"),
                bad("bad character in a token value", "Digest realm=a@b", "'@'"),
                bad("non-ASCII in an unquoted value", "Digest realm=\u00E9t\u00E9", "U+00E9"),
                bad("non-ASCII in the scheme", "Dig\u00E9st realm=\"x\"", "U+00E9"),
                bad("byte order mark before the scheme", "\uFEFFDigest realm=\"x\"", "U+FEFF"),
                bad("token68 followed by parameters", "Bearer abc.def, realm=\"x\"", "token68 followed by parameter"),
                bad("token68 followed by a second word", "Basic dXNlcjpwYXNz extra", "without \"=\""),
                bad("quoted-string where a token68 belongs", "Bearer \"abc\"", "'\"'"),
                bad("quoted-string as the scheme", "\"Digest\" realm=\"x\"", "'\"'"),
                bad("empty scheme before parameters", "realm=\"x\", nonce=\"y\"", "missing auth-scheme"),
                bad("empty scheme after leading comma", " , realm=\"x\"", "missing auth-scheme"),
                bad("empty scheme, only \"=\"", "=\"x\"", "\"=\" without a parameter name"),
                bad("only commas", ",,,", "only empty list elements"),
                bad("only commas and whitespace", " ,\t, ,", "only empty list elements"));
    }

    private static Arguments bad(String description, String input, String keyword) {
        return Arguments.of(description, input, keyword);
    }

    private static String manyParams(int n) {
        return IntStream.range(0, n).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining(","));
    }

    private static String credentials(int n) {
        return IntStream.range(0, n).mapToObj(i -> "Digest realm=\"r" + i + "\"").collect(Collectors.joining(", "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedHeaders")
    void hostileHeaderIsMalformedWithAPreciseReason(String description, String input, String keyword) {
        AuthorizationParse result = AuthorizationParser.parse(input);

        assertThat(result).isInstanceOf(AuthorizationParse.Malformed.class);
        assertThat(((AuthorizationParse.Malformed) result).reason()).contains(keyword);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedHeaders")
    void hostileHeaderDoesNotThrow(String description, String input, String keyword) {
        assertThatCode(() -> AuthorizationParser.parse(input)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedHeaders")
    void reasonIsAShortPhrase(String description, String input, String keyword) {
        String reason = ((AuthorizationParse.Malformed) AuthorizationParser.parse(input)).reason();

        assertThat(reason.length()).isLessThan(120);
    }

    @Test
    void unterminatedQuotedStringIsMalformedNotAnException() {
        assertThat(AuthorizationParser.parse("Digest realm=\"x\", username=\"alice, nonce=n"))
                .isEqualTo(new AuthorizationParse.Malformed("unterminated quoted-string in parameter \"username\""));
    }

    @Test
    void secretsInMangledCredentialsStayOutOfTheReason() {
        List<String> inputs = List.of("Basic " + SECRET + " x", "Digest realm=\"x\" " + SECRET,
                "Digest password=\"" + SECRET + "\0\"", SECRET + "==", "Bearer " + SECRET + ", a=b");

        for (String input : inputs) {
            AuthorizationParse result = AuthorizationParser.parse(input);
            assertThat(result).isInstanceOf(AuthorizationParse.Malformed.class);
            assertThat(((AuthorizationParse.Malformed) result).reason()).doesNotContain(SECRET);
        }
    }

    @Test
    void longParameterNameIsCutInTheReason() {
        String name = "n".repeat(200);

        String reason = ((AuthorizationParse.Malformed) AuthorizationParser.parse("Digest " + name + "=\"x")).reason();

        assertThat(reason).contains("n".repeat(32) + "...").doesNotContain("n".repeat(33));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t", " \t  "})
    void absentOrBlankHeaderHoldsNoCredentials(String input) {
        assertThat(AuthorizationParser.parse(input)).isEqualTo(new AuthorizationParse.Parsed(List.of()));
    }

    @Test
    void curlHeaderShapeParses() {
        Credentials c = single("Digest username=\"alice\", realm=\"example.com\", nonce=\"abc/def+ghi=\", "
                + "uri=\"/v1/forward-auth?realm=example.com\", cnonce=\"ZTU2NjE2\", nc=00000001, qop=auth, "
                + "response=\"0123456789abcdef\", algorithm=SHA-256, userhash=true");

        assertThat(c.scheme()).isEqualTo("Digest");
        assertThat(c.token68()).isNull();
        assertThat(c.params()).extracting(AuthParam::name).containsExactly("username", "realm", "nonce", "uri",
                "cnonce", "nc", "qop", "response", "algorithm", "userhash");
        assertThat(c.param("uri")).isEqualTo(new AuthParam("uri", "/v1/forward-auth?realm=example.com", true));
        assertThat(c.param("nc")).isEqualTo(new AuthParam("nc", "00000001", false));
        assertThat(c.param("nonce").value()).isEqualTo("abc/def+ghi=");
    }

    @Test
    void pythonUrllibHeaderShapeWithQuotedAlgorithmParses() {
        Credentials c = single("Digest username=\"alice\", realm=\"example.com\", nonce=\"n1\", uri=\"/x\", "
                + "response=\"r\", opaque=\"o\", algorithm=\"MD5\", qop=auth, nc=00000001, cnonce=\"c1\"");

        assertThat(c.param("algorithm")).isEqualTo(new AuthParam("algorithm", "MD5", true));
        assertThat(c.param("opaque").value()).isEqualTo("o");
        assertThat(c.params()).hasSize(10);
    }

    @Test
    void sippHeaderShapeWithoutSpacesParses() {
        Credentials c = single("Digest username=\"alice\",realm=\"example.com\",cnonce=\"6b8b4567\",nc=00000001,"
                + "qop=auth-int,uri=\"sip:127.0.0.1:5060\",nonce=\"n\",response=\"r\",algorithm=MD5");

        assertThat(c.param("uri").value()).isEqualTo("sip:127.0.0.1:5060");
        assertThat(c.param("qop")).isEqualTo(new AuthParam("qop", "auth-int", false));
        assertThat(c.param("algorithm").value()).isEqualTo("MD5");
    }

    @Test
    void phoneHeaderQuotingQopAndNcParses() {
        Credentials c = single("Digest username=\"100\", realm=\"pbx\", nonce=\"n\", uri=\"sip:pbx\", "
                + "response=\"r\", qop=\"auth\", nc=\"00000001\", cnonce=\"c\"");

        assertThat(c.param("qop")).isEqualTo(new AuthParam("qop", "auth", true));
        assertThat(c.param("nc").value()).isEqualTo("00000001");
    }

    @Test
    void twoCredentialsForTwoRealmsInOneValue() {
        List<Credentials> all = parsed("Digest username=\"alice\", realm=\"a.example\", nonce=\"1\", "
                + "Digest username=\"alice\", realm=\"b.example\", nonce=\"2\"");

        assertThat(all).hasSize(2);
        assertThat(all).extracting(c -> c.param("realm").value()).containsExactly("a.example", "b.example");
        assertThat(all.get(1).param("nonce").value()).isEqualTo("2");
    }

    @Test
    void mixedSchemesSplitAtATokenFollowedByWhitespaceAndNoEquals() {
        List<Credentials> all = parsed("Digest a=\"1\", b=2, Bearer abc==, Negotiate, Digest c=\"3\"");

        assertThat(all).extracting(Credentials::scheme).containsExactly("Digest", "Bearer", "Negotiate", "Digest");
        assertThat(all.get(0).params()).extracting(AuthParam::name).containsExactly("a", "b");
        assertThat(all.get(1).token68()).isEqualTo("abc==");
        assertThat(all.get(2).params()).isEmpty();
        assertThat(all.get(3).param("c").value()).isEqualTo("3");
    }

    @Test
    void tokenFollowedByWhitespaceThenEqualsIsAParameterNotAScheme() {
        Credentials c = single("Digest realm = \"x\" ,\tnonce\t=\t\"y\"");

        assertThat(c.params()).extracting(AuthParam::name).containsExactly("realm", "nonce");
    }

    @Test
    void whitespaceAndTabVariationsParse() {
        Credentials c = single(" \tDigest \t username=\"alice\"  ,realm=x ,\t nonce = \"n\"\t ");

        assertThat(c.params()).extracting(AuthParam::value).containsExactly("alice", "x", "n");
    }

    @Test
    void emptyListElementsAreIgnored() {
        List<Credentials> all = parsed(", ,Digest realm=\"x\",, ,nonce=\"y\",,Basic dXNlcg==,");

        assertThat(all).hasSize(2);
        assertThat(all.get(0).params()).extracting(AuthParam::name).containsExactly("realm", "nonce");
    }

    @Test
    void escapedQuotesAndBackslashesInAQuotedUsernameAreUnescaped() {
        Credentials c = single("Digest username=\"al\\\"ice\\\\\\x\", realm=\"\"");

        assertThat(c.param("username")).isEqualTo(new AuthParam("username", "al\"ice\\x", true));
        assertThat(c.param("realm").value()).isEmpty();
    }

    @Test
    void commasAndEqualsInsideQuotedStringsAreData() {
        Credentials c = single("Digest uri=\"/a?b=c,d=e\", qop=\"auth,auth-int\"");

        assertThat(c.param("uri").value()).isEqualTo("/a?b=c,d=e");
        assertThat(c.param("qop").value()).isEqualTo("auth,auth-int");
    }

    @Test
    void nonAsciiInsideQuotedStringsIsKept() {
        Credentials c = single("Digest username=\"J\u00E4s\u00F8n Doe \uD83D\uDE00\"");

        assertThat(c.param("username").value()).isEqualTo("J\u00E4s\u00F8n Doe \uD83D\uDE00");
    }

    @Test
    void parameterNamesAreLowercased() {
        Credentials c = single("Digest UserName=\"a\", REALM=\"r\"");

        assertThat(c.params()).extracting(AuthParam::name).containsExactly("username", "realm");
        assertThat(c.param("REALM")).isNull();
    }

    @Test
    void parameterLimitsAreInclusive() {
        Credentials c = single("Digest " + manyParams(31) + ", v=\"" + "a".repeat(1024) + "\"");

        assertThat(c.params()).hasSize(AuthorizationParser.MAX_PARAMS);
    }

    @Test
    void valueAtTheLengthLimitAndHeaderAtTheLengthLimitParse() {
        String header = "Digest v=\"" + "a".repeat(1024) + "\", w=" + "b".repeat(1024);
        String padded = header + " ".repeat(AuthorizationParser.MAX_HEADER_LENGTH - header.length());

        assertThat(single(padded).param("w").value()).hasSize(1024);
    }

    @Test
    void eightCredentialsAreAllowed() {
        assertThat(parsed(credentials(AuthorizationParser.MAX_CREDENTIALS))).hasSize(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.def-ghi_jkl~+/==", "bearer abc.def-ghi_jkl~+/==  "})
    void bearerToken68Parses(String header) {
        Credentials c = single(header);

        assertThat(c.isScheme("Bearer")).isTrue();
        assertThat(c.token68()).isEqualTo("abc.def-ghi_jkl~+/==");
        assertThat(c.params()).isEmpty();
    }

    @Test
    void basicToken68Parses() {
        assertThat(single("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==").token68()).isEqualTo("QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    @Test
    void schemeAloneParsesWithoutParameters() {
        Credentials c = single("Digest");

        assertThat(c).isEqualTo(new Credentials("Digest", null, List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"digest", "DIGEST", "Digest", "dIgEsT"})
    void schemeIsCaseInsensitive(String scheme) {
        Credentials c = single(scheme + " realm=\"x\"");

        assertThat(c.scheme()).isEqualTo(scheme);
        assertThat(c.isScheme("Digest")).isTrue();
        assertThat(c.isScheme("Basic")).isFalse();
    }

    @Test
    void schemeComparisonIgnoresOnlyAsciiCase() {
        // U+0131 dotless i upper-cases to "I" in String.equalsIgnoreCase; an auth-scheme is ASCII.
        assertThat(new Credentials("D\u0131gest", null, List.of()).isScheme("Digest")).isFalse();
    }

    static List<Credentials> parsed(String header) {
        AuthorizationParse result = AuthorizationParser.parse(header);
        assertThat(result).isInstanceOf(AuthorizationParse.Parsed.class);
        return ((AuthorizationParse.Parsed) result).credentials();
    }

    static Credentials single(String header) {
        List<Credentials> all = parsed(header);
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
