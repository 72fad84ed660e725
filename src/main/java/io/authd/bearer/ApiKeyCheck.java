package io.authd.bearer;

import io.authd.auth.BearerIdentity;
import io.authd.auth.Reason;
import io.authd.credentials.ApiKey;
import io.authd.credentials.ApiKeyTokens;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a presented API key against what the store holds for its id, pure Java. An unknown id, a revoked key
 * and a wrong secret get the same answer, so the answer does not tell which ids exist.
 */
final class ApiKeyCheck {
    private ApiKeyCheck() {
    }

    static TokenCheck check(Optional<ApiKey> stored, ApiKeyTokens.Presented presented, List<String> requiredScopes,
                            Instant now) {
        if (stored.isEmpty() || !ApiKeyTokens.matches(stored.get(), presented)) {
            return new TokenCheck.Refused(Reason.INVALID_TOKEN, "unknown or revoked API key");
        }
        ApiKey key = stored.get();
        if (key.expiredAt(now)) {
            return new TokenCheck.Refused(Reason.EXPIRED_TOKEN, "API key expired");
        }
        if (!key.scopes().containsAll(requiredScopes)) {
            return new TokenCheck.Refused(Reason.INSUFFICIENT_SCOPE, "API key lacks a required scope");
        }
        Long expiresAt = key.expiresAt() == null ? null : key.expiresAt().getEpochSecond();
        return new TokenCheck.Valid(new BearerIdentity(key.id(), key.realm(), null, key.scopes(), expiresAt, Map.of()));
    }
}
