package io.authd.nonce;

/** The result of reading a key ring's text: a ring, or why there is none. */
public sealed interface KeyRingParse {
    record Parsed(NonceKeyRing ring) implements KeyRingParse {
    }

    record Invalid(String reason) implements KeyRingParse {
    }
}
