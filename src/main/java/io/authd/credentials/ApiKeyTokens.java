package io.authd.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API keys as clients present them: {@code ak_<id>_<secret>}, the id 16 hex digits (8 random bytes, to find the
 * key) and the secret 32 random bytes in base64url (43 characters, RFC 4648 §5). All of it is token68, so it
 * travels as {@code Authorization: Bearer ak_...} (RFC 6750 §2.1). The prefix lets secret scanners spot leaked
 * keys and lets authd tell keys from JWTs (which always contain dots).
 */
public final class ApiKeyTokens {
    public static final String PREFIX = "ak_";
    static final int ID_HEX_LENGTH = 16;
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = 43;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private ApiKeyTokens() {
    }

    /** A key as presented: its id and its secret. */
    public record Presented(String id, String secret) {
        @Override
        public String toString() {
            return "ApiKey[" + id + ", secret hidden]";
        }
    }

    /** A new key: what is stored, and the whole key to give its owner once. */
    public record Issued(ApiKey key, String token) {
        @Override
        public String toString() {
            return "Issued[" + key.id() + ", token hidden]";
        }
    }

    public static Issued issue(String realm, List<String> scopes, Instant expiresAt, SecureRandom random) {
        byte[] id = new byte[ID_HEX_LENGTH / 2];
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(id);
        random.nextBytes(secret);
        String idHex = HexFormat.of().formatHex(id);
        String secretText = B64URL.encodeToString(secret);
        return new Issued(new ApiKey(realm, idHex, hash(secretText), scopes, expiresAt), PREFIX + idHex + "_" + secretText);
    }

    /** The id and secret of {@code token}, or empty when it is not shaped like an API key. */
    public static Optional<Presented> parse(String token) {
        if (!token.startsWith(PREFIX) || token.length() != PREFIX.length() + ID_HEX_LENGTH + 1 + SECRET_LENGTH
                || token.charAt(PREFIX.length() + ID_HEX_LENGTH) != '_') {
            return Optional.empty();
        }
        String id = token.substring(PREFIX.length(), PREFIX.length() + ID_HEX_LENGTH);
        return isId(id) ? Optional.of(new Presented(id, token.substring(PREFIX.length() + ID_HEX_LENGTH + 1)))
                : Optional.empty();
    }

    /** True when {@code presented} is the secret of {@code key}; compares the hashes in constant time. */
    public static boolean matches(ApiKey key, Presented presented) {
        return MessageDigest.isEqual(key.secretHash().getBytes(StandardCharsets.US_ASCII),
                hash(presented.secret()).getBytes(StandardCharsets.US_ASCII));
    }

    static boolean isId(String id) {
        return id != null && id.length() == ID_HEX_LENGTH
                && id.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
