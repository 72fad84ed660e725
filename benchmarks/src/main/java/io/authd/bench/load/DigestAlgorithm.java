package io.authd.bench.load;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The Digest algorithms the driver answers (RFC 7616 §3.4.1 without -sess: HA1 is the stored H(user:realm:password)
 * and does not change per nonce, which is what lets the driver compute it once per user).
 */
enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256"),
    SHA_512_256("SHA-512-256", "SHA-512/256");

    private final String token;
    private final String jcaName;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
    }

    /** The name on the wire ({@code algorithm=} and the {@code algorithms} of the JSON API). */
    String token() {
        return token;
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is part of every Java platform", e);
        }
    }

    static DigestAlgorithm parse(String value) {
        for (DigestAlgorithm a : values()) {
            if (a.token.equalsIgnoreCase(value.strip())) {
                return a;
            }
        }
        throw new LoadOptions.UsageException("--algorithm: expected MD5, SHA-256 or SHA-512-256, got '"
                + value + "' (the -sess variants are not driven)");
    }

    @Override
    public String toString() {
        return token.toLowerCase(Locale.ROOT);
    }
}
