package io.authd.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.authd.bearer.JwtAlgorithm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One trusted token issuer of a realm: whose tokens are accepted, for which audiences, signed how and with
 * which keys. Exactly one key source: {@code jwksUri} (fetched and kept fresh), {@code keys} (a JWK, a JWK Set
 * or PEM public keys as text) or {@code keyFile} (the same in a file).
 *
 * @param issuer             the {@code iss} claim, compared exactly (RFC 7519 §4.1.1)
 * @param audiences          a token's {@code aud} must name one of them (RFC 7519 §4.1.3); required, so a token
 *                           the issuer minted for another service is not accepted here
 * @param algorithms         the JWS algorithms accepted; required: nothing is allowed by default
 * @param refreshInterval    JWKS: how long fetched keys are fresh when the answer has no Cache-Control max-age
 * @param minRefetchInterval JWKS: at most one fetch per this interval for tokens naming an unknown {@code kid}
 * @param maxStaleness       JWKS: how long past their freshness keys are still used while the issuer cannot be
 *                           reached; after that its tokens are answered {@code unavailable}
 */
public record IssuerOptions(@JsonProperty(required = true) String issuer, List<String> audiences, String jwksUri,
                            String keys, Path keyFile, List<JwtAlgorithm> algorithms, Duration refreshInterval,
                            Duration minRefetchInterval, Duration maxStaleness) {

    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_STALENESS = Duration.ofHours(1);

    public IssuerOptions {
        refreshInterval = refreshInterval == null ? DEFAULT_REFRESH_INTERVAL : refreshInterval;
        minRefetchInterval = minRefetchInterval == null ? DEFAULT_MIN_REFETCH_INTERVAL : minRefetchInterval;
        maxStaleness = maxStaleness == null ? DEFAULT_MAX_STALENESS : maxStaleness;
        Problems problems = new Problems();
        problems.check(issuer == null || !issuer.isEmpty(), "issuer", "must not be empty");
        problems.checkList("audiences", audiences, false, "", a -> a);
        problems.checkList("algorithms", algorithms, false, "", JwtAlgorithm::token);
        int sources = (jwksUri != null ? 1 : 0) + (keys != null ? 1 : 0) + (keyFile != null ? 1 : 0);
        problems.check(sources == 1, "", "set exactly one of jwksUri, keys or keyFile");
        problems.check(jwksUri == null || Quotable.isAbsoluteUri(jwksUri), "jwksUri",
                "must be an absolute http(s) URI, got '" + jwksUri + "'");
        problems.check(refreshInterval.isPositive(), "refreshInterval", "must be positive");
        problems.check(!minRefetchInterval.isNegative(), "minRefetchInterval", "must not be negative");
        problems.check(!maxStaleness.isNegative(), "maxStaleness", "must not be negative");
        problems.throwIfAny();
        audiences = List.copyOf(audiences);
        algorithms = List.copyOf(algorithms);
    }
}
