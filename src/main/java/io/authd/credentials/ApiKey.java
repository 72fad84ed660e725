package io.authd.credentials;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A stored API key: its id (public, named in identities and logs) and the SHA-256 of its secret, never the
 * secret itself. The secret has 256 random bits, so a plain hash is enough: nothing can be guessed from it, and
 * no slow password hash is needed (NIST SP 800-63B §5.1.1.2 asks for one only for memorised secrets).
 *
 * @param secretHash lowercase hex SHA-256 of the secret part
 * @param scopes     what the key grants, checked against a request's required scopes
 * @param expiresAt  null: the key does not expire
 */
public record ApiKey(String realm, String id, String secretHash, List<String> scopes, Instant expiresAt) {
    public ApiKey {
        Objects.requireNonNull(realm, "realm");
        if (!ApiKeyTokens.isId(id)) {
            throw new IllegalArgumentException("API key id must be " + ApiKeyTokens.ID_HEX_LENGTH + " lowercase hex digits");
        }
        if (secretHash == null || secretHash.length() != 64 || !secretHash.chars().allMatch(HexFormat::isHexDigit)
                || !secretHash.equals(secretHash.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("API key hash must be 64 lowercase hex digits");
        }
        scopes = List.copyOf(scopes);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
