package io.authd.admin;

import io.authd.config.AdminOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The admin API's bearer token, known to the server only by its SHA-256 ({@link AdminOptions}). A plain hash
 * suffices because a token is 256 random bits: there is nothing to guess that a salt or a slow hash would protect.
 */
public final class AdminToken {
    /** Lets secret scanners and people recognise a leaked token. */
    public static final String PREFIX = "authd_admin_";
    private static final int TOKEN_BYTES = 32;
    /** A hash file holds one line; anything much longer is the wrong file, refused before it is read whole. */
    private static final int MAX_FILE_BYTES = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] hash; // null when the admin API is off

    private AdminToken(byte[] hash) {
        this.hash = hash;
    }

    /** No token: the admin API is off. */
    public static AdminToken disabled() {
        return new AdminToken(null);
    }

    /**
     * The token configured in {@code options}, reading {@code tokenHashFile} now (blocking: call at start-up).
     *
     * @throws IllegalStateException naming {@code admin.tokenHashFile} when the file cannot be read or does not
     *                               hold a token hash: the server must not start with an admin API nobody can use
     */
    public static AdminToken from(AdminOptions options) {
        if (options.tokenHash() != null) {
            return parsed(options.tokenHash());
        }
        if (options.tokenHashFile() != null) {
            return parsed(readHashFile(options.tokenHashFile()));
        }
        return disabled();
    }

    /** {@code sha256:} and the lowercase hex SHA-256 of {@code token}'s UTF-8 bytes. */
    public static String hash(String token) {
        return AdminOptions.HASH_PREFIX + HexFormat.of().formatHex(sha256(token));
    }

    /** A new token: {@link #PREFIX} and 32 bytes from {@link SecureRandom}, base64url without padding. */
    public static String generate() {
        byte[] secret = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public boolean enabled() {
        return hash != null;
    }

    /** Whether {@code presented} is the token, in time independent of where the hashes differ; false when off. */
    public boolean matches(String presented) {
        return hash != null && MessageDigest.isEqual(sha256(presented), hash);
    }

    private static AdminToken parsed(String tokenHash) {
        String hex = tokenHash.strip().substring(AdminOptions.HASH_PREFIX.length());
        return new AdminToken(HexFormat.of().parseHex(hex));
    }

    private static String readHashFile(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new IllegalStateException("admin.tokenHashFile: cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
        String content = new String(bytes, StandardCharsets.UTF_8).strip(); // a trailing newline is normal in a file
        if (bytes.length > MAX_FILE_BYTES || !AdminOptions.isTokenHash(content)) {
            throw new IllegalStateException("admin.tokenHashFile: " + file
                    + " must hold sha256: followed by 64 lowercase hex digits (authd admin-token prints one)");
        }
        return content;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
