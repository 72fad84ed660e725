package io.authd.digest;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The hash functions under the Digest algorithms of RFC 7616 §3.3 / §6.1. Credential stores keep one
 * HA1 per hash function; the {@code -sess} variants derive theirs from it (RFC 7616 §3.4.2).
 */
public enum HashFunction {
    MD5("MD5", "MD5", 16),
    SHA_256("SHA-256", "SHA-256", 32),
    /** SHA-512/256 of FIPS 180-4, not truncated SHA-512 (RFC 7616 Errata 4897). */
    SHA_512_256("SHA-512-256", "SHA-512/256", 32);

    private static final HashFunction[] VALUES = values();

    private final String token;
    private final String jcaName;
    private final int length;

    HashFunction(String token, String jcaName, int length) {
        this.token = token;
        this.jcaName = jcaName;
        this.length = length;
    }

    /** The name used on the wire and in credential files, e.g. {@code SHA-512-256}. */
    public String token() {
        return token;
    }

    /** The name under which the JDK provides it. */
    public String jcaName() {
        return jcaName;
    }

    /** Digest length in bytes. */
    public int length() {
        return length;
    }

    /** Length of the lowercase hex encoding (LHEX) of a digest. */
    public int hexLength() {
        return length * 2;
    }

    /** Every {@link #token()}, comma-separated, for messages that say what is known. */
    public static String tokens() {
        return Arrays.stream(values()).map(HashFunction::token).collect(Collectors.joining(", "));
    }

    /** Case-insensitive lookup by {@link #token()}. */
    public static Optional<HashFunction> fromToken(String token) {
        return HttpChars.byToken(VALUES, HashFunction::token, token);
    }
}
