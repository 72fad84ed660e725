package io.authd.config;

import io.authd.bearer.ScopeTokens;

import java.time.Duration;
import java.util.List;

/**
 * A realm's Bearer tokens (RFC 6750; RFC 8898 for SIP). A realm without this section offers no Bearer challenge
 * and treats Bearer credentials as no credentials.
 *
 * @param issuers     the trusted token issuers, each {@code issuer} once; may be empty only with {@code apiKeys}
 * @param clockSkew   tolerance when comparing {@code exp}, {@code nbf} and {@code iat} with the clock
 * @param claims      names of token claims copied into the identity's {@code claims}
 * @param scope       the {@code scope} the challenge announces (RFC 6750 §3, RFC 8898, WWW-Authenticate syntax); null: none
 * @param authzServer SIP only: the authorization server in the challenge's {@code authz_server} (RFC 8898, WWW-Authenticate syntax)
 * @param apiKeys     also accept the realm's API keys ({@code ak_...}) from the credential store
 * @param apiKeyHeader also accept an API key alone in this request header (usually {@code X-API-Key}) on
 *                     forward-auth, or in the {@code apiKey} field of a verify call; null: only in
 *                     {@code Authorization: Bearer}
 */
public record BearerOptions(List<IssuerOptions> issuers, Duration clockSkew, List<String> claims, String scope,
                            String authzServer, Boolean apiKeys, String apiKeyHeader) {

    /** The header an API key usually travels in, outside {@code Authorization}. */
    public static final String USUAL_API_KEY_HEADER = "X-API-Key";

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    public BearerOptions {
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        claims = claims == null ? List.of() : claims;
        Problems problems = new Problems();
        // Boxed: a section without defaults of its own leaves absent keys null; absent means false.
        apiKeys = Boolean.TRUE.equals(apiKeys);
        issuers = issuers == null ? List.of() : issuers;
        problems.checkList("issuers", issuers, apiKeys, ".issuer", IssuerOptions::issuer);
        problems.check(!clockSkew.isNegative(), "clockSkew", "must not be negative, got '" + Durations.format(clockSkew) + "'");
        problems.checkList("claims", claims, true, "", c -> c);
        // Both are sent inside a quoted-string: RFC 6750 §3 scope-tokens and a URI need no escaping.
        problems.check(scope == null || ScopeTokens.isList(scope), "scope",
                "must be scope tokens separated by single spaces (RFC 6750 §3), got '" + scope + "'");
        problems.check(authzServer == null || Quotable.isAbsoluteUri(authzServer), "authzServer",
                "must be an absolute http(s) URI, got '" + authzServer + "'");
        checkApiKeyHeader(problems, apiKeyHeader, apiKeys);
        problems.throwIfAny();
        issuers = List.copyOf(issuers);
        claims = List.copyOf(claims);
    }

    /** True when API keys are also read outside {@code Authorization} (the header, or a verify call's field). */
    public boolean apiKeyOutsideAuthorization() {
        return apiKeyHeader != null;
    }

    /**
     * A header field name (RFC 9110 §5.1) of the letters, digits and dashes real header names use; never one of the
     * credentials headers, which authd reads as such.
     */
    private static void checkApiKeyHeader(Problems problems, String header, boolean apiKeys) {
        if (header == null) {
            return;
        }
        problems.check(!header.isEmpty() && header.chars().allMatch(c -> c < 0x80
                        && (Character.isLetterOrDigit(c) || c == '-')), "apiKeyHeader",
                "must be a header name of letters, digits and '-' (e.g. " + USUAL_API_KEY_HEADER + "), got '" + header + "'");
        problems.check(!header.equalsIgnoreCase("Authorization") && !header.equalsIgnoreCase("Proxy-Authorization"),
                "apiKeyHeader", "must not be " + header + ": Bearer keys there are read with apiKeys alone");
        problems.check(apiKeys, "apiKeyHeader", "needs apiKeys: true");
    }
}
