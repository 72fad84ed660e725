package io.authd.config;

import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The admin API on the management port. It is off until a token hash is configured: the token itself is
 * never stored, only {@code sha256:<64 hex>} of it ({@code authd admin-token} makes a pair), so that a leaked
 * config file or environment dump does not hand out the admin right. A SHA-256 without salt suffices because
 * the token is 256 random bits, not a password.
 *
 * @param tokenHash     the hash itself, normally from the environment ({@code AUTHD_ADMIN_TOKEN_HASH})
 * @param tokenHashFile a file holding the hash (e.g. a mounted Kubernetes secret)
 */
public record AdminOptions(String tokenHash, Path tokenHashFile) {

    public static final String HASH_PREFIX = "sha256:";
    public static final AdminOptions DEFAULTS = new AdminOptions(null, null);

    public AdminOptions {
        Problems problems = new Problems();
        problems.check(tokenHash == null || tokenHashFile == null, "", "set either tokenHash or tokenHashFile, not both");
        problems.check(tokenHash == null || isTokenHash(tokenHash), "tokenHash",
                "must be sha256: followed by 64 lowercase hex digits (authd admin-token prints one)");
        problems.throwIfAny();
    }

    /** {@code sha256:} and 64 lowercase hex digits. */
    public static boolean isTokenHash(String s) {
        String hex = s.strip();
        if (!hex.startsWith(HASH_PREFIX) || hex.length() != HASH_PREFIX.length() + 64) {
            return false;
        }
        hex = hex.substring(HASH_PREFIX.length());
        return hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
                && HexFormat.of().parseHex(hex).length == 32;
    }
}
