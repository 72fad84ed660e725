package io.authd.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded random inputs: whatever arrives, both parsers answer one of their sealed results and never
 * throw. The seed is fixed so a failure reproduces; the failing input is printed escaped.
 */
class ParserRobustnessTest {
    private static final long SEED = 0x5EED_A07DL;
    private static final int RANDOM_INPUTS = 20_000;
    private static final int MUTATIONS = 20_000;
    private static final int MAX_LENGTH = 300;
    /** Heavy on the characters the grammar cares about, plus NUL, non-ASCII and a lone surrogate. */
    private static final String[] PIECES = {"\"", "\\", ",", "=", ";", " ", "\t", "\0", "\u00E9", "\uD800",
        "\uDC00", "'", "%", "*", "/", "a", "b", "z", "A", "Z", "0", "1", "f", "Digest ", "Bearer ", "realm=",
        "username*=", "UTF-8''", "%C3%A4", "qop=auth", "nc=00000001", "algorithm=", "-sess"};
    private static final String VALID = "Digest username=\"alice\", realm=\"example.com\", nonce=\"abc\", "
            + "uri=\"/x\", response=\"6629fae49393a05397450978507c4ef1\", qop=auth, nc=00000001, cnonce=\"c\"";

    private final Random random = new Random(SEED);
    private final Set<Class<?>> seen = new HashSet<>();

    @Test
    void randomStringsNeverThrowAndAlwaysGiveASealedResult() {
        for (int i = 0; i < RANDOM_INPUTS; i++) {
            checkNeverThrows(randomString());
        }
        assertThat(seen).contains(AuthorizationParse.Parsed.class, AuthorizationParse.Malformed.class,
                DigestParse.Malformed.class);
    }

    @Test
    void mutationsOfAValidHeaderNeverThrowAndAlwaysGiveASealedResult() {
        for (int i = 0; i < MUTATIONS; i++) {
            checkNeverThrows(mutate(VALID, 1 + random.nextInt(4)));
        }
        assertThat(seen).contains(AuthorizationParse.Malformed.class, DigestParse.Valid.class,
                DigestParse.Malformed.class);
    }

    private void checkNeverThrows(String input) {
        assertThatCode(() -> check(input)).as("input \"%s\"", escape(input)).doesNotThrowAnyException();
    }

    private void check(String input) {
        AuthorizationParse result = AuthorizationParser.parse(input);
        seen.add(result.getClass());
        switch (result) {
            case AuthorizationParse.Parsed parsed -> {
                assertThat(parsed.credentials()).hasSizeLessThanOrEqualTo(AuthorizationParser.MAX_CREDENTIALS);
                parsed.credentials().forEach(this::checkCredentials);
            }
            case AuthorizationParse.Malformed malformed -> assertThat(malformed.reason()).isNotBlank();
        }
    }

    /** The parser's guarantees hold for every credentials it returns, and the Digest parser takes any of them. */
    private void checkCredentials(Credentials c) {
        assertThat(c.params()).hasSizeLessThanOrEqualTo(AuthorizationParser.MAX_PARAMS);
        assertThat(c.params()).extracting(AuthParam::name).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).isLowerCase());
        assertThat(c.params()).allSatisfy(p -> assertThat(p.value())
                .hasSizeLessThanOrEqualTo(AuthorizationParser.MAX_VALUE_LENGTH));
        DigestParse digest = DigestCredentialsParser.parse(c);
        seen.add(digest.getClass());
        switch (digest) {
            case DigestParse.Valid valid -> assertThat(valid.credentials().nonce()).isNotEmpty();
            case DigestParse.Malformed malformed -> assertThat(malformed.reason()).isNotBlank();
        }
    }

    private String randomString() {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(MAX_LENGTH + 1);
        while (s.length() < length) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    /** Deletes, inserts, duplicates or truncates at random places. */
    private String mutate(String header, int times) {
        StringBuilder s = new StringBuilder(header);
        for (int i = 0; i < times && !s.isEmpty(); i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 2 -> s.insert(at, s.substring(at, Math.min(s.length(), at + random.nextInt(40))));
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
