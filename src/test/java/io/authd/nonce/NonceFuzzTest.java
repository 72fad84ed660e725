package io.authd.nonce;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.authd.digest.DigestAlgorithm;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;

import java.time.Duration;

/**
 * Coverage-guided fuzzing of the nonce decoder (Jazzer): whatever a client sends back as a nonce is answered with a
 * {@link NonceCheck}, never an exception, and a nonce authd did not mint is never accepted, however close it is to one
 * it did (edits of a real nonce must break its MAC or its encoding). Findings are kept in
 * {@code src/test/resources/io/authd/nonce/NonceFuzzTestInputs/}.
 */
class NonceFuzzTest {
    private static final String REALM = "example.com";
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final NonceService NONCES = new NonceService(TestKeys.ring(1, 2),
            MutableClock.at("2026-11-23T10:00:00Z"));
    private static final String MINTED = NONCES.mint(REALM, DigestAlgorithm.SHA_256, null);

    @FuzzTest(maxDuration = "8s")
    void onlyTheMintedNonceIsAcceptedAndNothingThrows(FuzzedDataProvider data) {
        String edited = edit(MINTED, data);
        String raw = data.consumeRemainingAsString();
        requireInvalidUnlessMinted(edited);
        requireInvalidUnlessMinted(raw);
    }

    /** A few replacements, insertions or deletions at positions the fuzzer picks. */
    private static String edit(String nonce, FuzzedDataProvider data) {
        StringBuilder b = new StringBuilder(nonce);
        int edits = data.consumeInt(0, 4);
        for (int i = 0; i < edits; i++) {
            int at = data.consumeInt(0, b.length());
            char c = data.consumeChar();
            switch (data.consumeInt(0, 2)) {
                case 0 -> b.insert(at, c);
                case 1 -> {
                    if (at < b.length()) {
                        b.setCharAt(at, c);
                    }
                }
                default -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
            }
        }
        return b.toString();
    }

    private static void requireInvalidUnlessMinted(String nonce) {
        NonceCheck check = NONCES.check(nonce, REALM, DigestAlgorithm.SHA_256, null, LIFETIME, 0.8);
        if (check == null) {
            throw new AssertionError("check answered null for " + nonce);
        }
        if (!nonce.equals(MINTED) && !(check instanceof NonceCheck.Invalid)) {
            throw new AssertionError("accepted a nonce it did not mint: " + nonce + " (minted " + MINTED + ")");
        }
    }
}
