package io.authd.digest;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of the Authorization parsers (Jazzer). In the suite each fuzz test runs for a short fixed
 * time (the {@code fuzz} surefire execution sets JAZZER_FUZZ); SECURITY.md gives the longer run. Any exception is a
 * finding: hostile headers are data, answered {@code Malformed}, never a crash. Seeds (valid headers of each kind) and
 * findings are kept in {@code src/test/resources/io/authd/digest/AuthorizationFuzzTestInputs/}.
 */
class AuthorizationFuzzTest {

    @DictionaryEntries({"Digest ", "Bearer ", "username=", "username*=UTF-8''", "realm=", "nonce=", "uri=",
            "response=", "algorithm=", "cnonce=", "opaque=", "qop=", "nc=", "userhash=true", "charset=UTF-8",
            "MD5-sess", "SHA-256", "SHA-512-256-sess", "auth-int", "00000001", "\"", ", ", "%C3%A4"})
    @FuzzTest(maxDuration = "6s") // Jazzer requires it to be the last annotation
    void anyHeaderValueIsParsedOrMalformedNeverAnException(byte[] input) {
        // Raw bytes, so the seeds under AuthorizationFuzzTestInputs are plain header values; UTF-8 as proxies pass it.
        String header = new String(input, StandardCharsets.UTF_8);
        if (AuthorizationParser.parse(header) instanceof AuthorizationParse.Parsed parsed) {
            for (Credentials c : parsed.credentials()) {
                requireAnswer(DigestCredentialsParser.parse(c));
            }
        }
        requireAnswer(CredentialsSelection.select(List.of(header), "example.com", null));
        requireAnswer(CredentialsSelection.select(List.of(), "example.com", header)); // as an API-key header
        requireAnswer(CredentialsSelection.select(List.of(header, header), "example.com", null));
    }

    private static void requireAnswer(Object answer) {
        if (answer == null) {
            throw new AssertionError("a parser answered null instead of a value");
        }
    }
}
