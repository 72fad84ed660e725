package io.authd.credentials.postgres;

import io.authd.digest.HashFunction;

/**
 * Column names per hash function, shared by authd's own table and the contract of custom lookup queries
 * ({@code ha1_md5}, {@code ha1_sha256}, {@code ha1_sha512_256}), so that one row reader serves both.
 */
final class Columns {
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String ENABLED = "enabled";

    private Columns() {
    }

    static String ha1(HashFunction hash) {
        return "ha1_" + suffix(hash);
    }

    static String userhash(HashFunction hash) {
        return "userhash_" + suffix(hash);
    }

    /** A boolean column saying whether the user has an HA1 for {@code hash}: what a listing may show. */
    static String has(HashFunction hash) {
        return "has_" + suffix(hash);
    }

    private static String suffix(HashFunction hash) {
        return switch (hash) {
            case MD5 -> "md5";
            case SHA_256 -> "sha256";
            case SHA_512_256 -> "sha512_256";
        };
    }
}
