package io.authd.digest;

import java.util.Optional;

/**
 * Digest algorithms of the IANA "HTTP Digest Hash Algorithms" registry (RFC 7616 §6.1), also used by
 * SIP (RFC 8760 §2.3). Only these are accepted; anything else is {@code unsupported_algorithm}.
 */
public enum DigestAlgorithm {
    MD5("MD5", HashFunction.MD5, false),
    MD5_SESS("MD5-sess", HashFunction.MD5, true),
    SHA_256("SHA-256", HashFunction.SHA_256, false),
    SHA_256_SESS("SHA-256-sess", HashFunction.SHA_256, true),
    SHA_512_256("SHA-512-256", HashFunction.SHA_512_256, false),
    SHA_512_256_SESS("SHA-512-256-sess", HashFunction.SHA_512_256, true);

    /** Read on every verification: without the copy {@code values()} makes. */
    private static final DigestAlgorithm[] VALUES = values();

    private final String token;
    private final HashFunction hash;
    private final boolean session;

    DigestAlgorithm(String token, HashFunction hash, boolean session) {
        this.token = token;
        this.hash = hash;
        this.session = session;
    }

    /** The algorithm token as written in challenges, e.g. {@code SHA-256-sess}. */
    public String token() {
        return token;
    }

    public HashFunction hash() {
        return hash;
    }

    /** True for the {@code -sess} variants, whose HA1 also covers nonce and cnonce (RFC 7616 §3.4.2). */
    public boolean session() {
        return session;
    }

    /**
     * Looks an algorithm up by its token. RFC 7616 §3.4 does not say tokens are case-sensitive and
     * clients differ ("SHA-256-SESS" is seen), so the comparison ignores ASCII case.
     */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        return HttpChars.byToken(VALUES, DigestAlgorithm::token, token);
    }
}
