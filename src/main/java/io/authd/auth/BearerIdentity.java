package io.authd.auth;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A subject authenticated with a Bearer token (contract "Bearer identity").
 *
 * @param subject   the token's {@code sub}; forwarded upstream as {@code X-Authd-User}
 * @param subject   for an API key, its id (never its secret)
 * @param issuer    the token's {@code iss}; null for an API key
 * @param scopes    the scopes the token grants ({@code scope} or {@code scp})
 * @param expiresAt the token's {@code exp}, in seconds since the epoch; null for an API key that does not expire
 * @param claims    the claims the realm copies out of the token, as JSON values (String, Number, Boolean,
 *                  List, Map); never the token itself
 */
public record BearerIdentity(String subject, String realm, String issuer, List<String> scopes, Long expiresAt,
                             Map<String, Object> claims) implements Identity {
    public BearerIdentity {
        Objects.requireNonNull(subject, "subject");
        scopes = List.copyOf(scopes);
        claims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(claims));
    }

    @Override
    public String scheme() {
        return "Bearer";
    }

    @Override
    public String user() {
        return subject;
    }
}
