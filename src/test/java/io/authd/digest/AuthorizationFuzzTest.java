package io.authd.digest;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;

/**
 * Coverage-guided fuzzing of the Authorization parsers (Jazzer). In the suite each fuzz test runs for a short fixed
 * time (the {@code fuzz} surefire execution sets JAZZER_FUZZ); SECURITY.md gives the longer run. Any exception is a
 * finding: hostile headers are data, answered {@code Malformed}, never a crash. Findings are kept as regression inputs
 * in {@code src/test/resources/io/authd/digest/AuthorizationFuzzTestInputs/}.
 */
class AuthorizationFuzzTest {

    @FuzzTest(maxDuration = "6s")
    void anyHeaderValueIsParsedOrMalformedNeverAnException(String header) {
        if (header == null) {
            return;
        }
        if (AuthorizationParser.parse(header) instanceof AuthorizationParse.Parsed parsed) {
            for (Credentials c : parsed.credentials()) {
                requireAnswer(DigestCredentialsParser.parse(c));
            }
        }
        requireAnswer(CredentialsSelection.select(List.of(header), "example.com"));
        requireAnswer(CredentialsSelection.select(List.of(header, header), "example.com"));
    }

    private static void requireAnswer(Object answer) {
        if (answer == null) {
            throw new AssertionError("a parser answered null instead of a value");
        }
    }
}
