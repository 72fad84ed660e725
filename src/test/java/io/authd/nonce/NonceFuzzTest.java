package io.authd.nonce;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.authd.digest.DigestAlgorithm;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;

import java.time.Duration;
import java.util.Base64;

/**
 * Coverage-guided fuzzing of the nonce decoder (Jazzer): whatever a client sends back as a nonce is answered with a
 * {@link NonceCheck}, never an exception; any edit of a minted nonce is invalid (it breaks the MAC or the encoding);
 * and every nonce accepted is spelled the one way authd spells it, so no second spelling of a nonce can get past the
 * replay store, which is keyed on the text. (The corpus may hold nonces minted by earlier runs with the same test key
 * and clock: those are authentic and rightly accepted.) Findings are kept in
 * {@code src/test/resources/io/authd/nonce/NonceFuzzTestInputs/}.
 */
class NonceFuzzTest {
    private static final String REALM = "example.com";
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final NonceService NONCES = new NonceService(TestKeys.ring(1, 2),
            MutableClock.at("2026-11-23T10:00:00Z"));
    private static final String MINTED = NONCES.mint(REALM, DigestAlgorithm.SHA_256, null);

    @FuzzTest(maxDuration = "6s")
    void editedNoncesAreInvalidAndAcceptedOnesCanonical(FuzzedDataProvider data) {
        String edited = edit(MINTED, data);
        if (!edited.equals(MINTED) && !(check(edited) instanceof NonceCheck.Invalid)) {
            throw new AssertionError("accepted an edited nonce: " + edited + " (minted " + MINTED + ")");
        }
        String raw = data.consumeRemainingAsString();
        if (!(check(raw) instanceof NonceCheck.Invalid) && !isCanonical(raw)) {
            throw new AssertionError("accepted a second spelling of a nonce: " + raw);
        }
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

    /** Never null: a null answer fails here as well. */
    private static NonceCheck check(String nonce) {
        NonceCheck check = NONCES.check(nonce, REALM, DigestAlgorithm.SHA_256, null, LIFETIME, 0.8);
        if (check == null) {
            throw new AssertionError("check answered null for " + nonce);
        }
        return check;
    }

    private static boolean isCanonical(String nonce) {
        byte[] bytes = Base64.getUrlDecoder().decode(nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(nonce);
    }
}
