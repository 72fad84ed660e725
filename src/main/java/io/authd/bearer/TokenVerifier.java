package io.authd.bearer;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.authd.auth.BearerIdentity;
import io.authd.auth.Reason;
import io.authd.config.BearerOptions;
import io.authd.config.IssuerOptions;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks JWTs (RFC 7519) for one realm, pure Java without I/O: the signature first, with a key of the issuer
 * the token names and an algorithm that issuer is allowed, then the claims (RFC 7519 §4.1, RFC 9068 §4) with
 * the realm's clock skew, then the scopes the request requires. Nothing about a token is trusted before its
 * signature is checked except the {@code iss} and {@code kid} used to find the key.
 */
public final class TokenVerifier {
    private final String realm;
    private final BearerOptions options;
    private final Map<String, Issuer> issuers = new LinkedHashMap<>();
    private final InstantSource clock;

    /** One trusted issuer's rules with its keys. */
    public record Issuer(IssuerOptions options, IssuerKeys keys) {
    }

    public TokenVerifier(String realm, BearerOptions options, List<Issuer> issuers, InstantSource clock) {
        this.realm = realm;
        this.options = options;
        issuers.forEach(i -> this.issuers.put(i.options().issuer(), i));
        this.clock = clock;
    }

    public BearerOptions options() {
        return options;
    }

    public TokenCheck check(String token, List<String> requiredScopes) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            // An unsigned token (alg "none", RFC 7519 §6) is not a JWS: parsing it as one fails.
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return invalid("malformed token");
        }
        Issuer issuer = claims.getIssuer() == null ? null : issuers.get(claims.getIssuer());
        if (issuer == null) {
            return invalid("untrusted issuer");
        }
        Optional<JwtAlgorithm> alg = JwtAlgorithm.fromToken(jwt.getHeader().getAlgorithm().getName())
                .filter(issuer.options().algorithms()::contains);
        if (alg.isEmpty()) {
            return invalid("algorithm not allowed");
        }
        TokenCheck signature = checkSignature(jwt, alg.get(), issuer);
        return signature != null ? signature : checkClaims(claims, requiredScopes);
    }

    /** Null when a key of the issuer, of the algorithm's type, verifies the signature. */
    private TokenCheck checkSignature(SignedJWT jwt, JwtAlgorithm alg, Issuer issuer) {
        List<TrustedKey> keys = issuer.keys().current();
        if (keys == null) {
            return new TokenCheck.NoKeys(issuer.keys());
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid != null && keys.stream().noneMatch(k -> kid.equals(k.kid()))) {
            return new TokenCheck.UnknownKey(issuer.keys());
        }
        // RFC 7515 §4.1.4: with a kid, only that key; without, any key of the issuer that fits the algorithm.
        List<TrustedKey> candidates = keys.stream()
                .filter(k -> (kid == null || kid.equals(k.kid())) && alg.fits(k.jwk())).toList();
        if (candidates.isEmpty()) {
            return invalid("no key of the issuer fits the algorithm");
        }
        for (TrustedKey key : candidates) {
            if (key.check().verify(jwt)) {
                return null;
            }
        }
        return invalid("bad signature");
    }

    private TokenCheck checkClaims(JWTClaimsSet claims, List<String> requiredScopes) {
        Instant now = clock.instant();
        Duration skew = options.clockSkew();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            // A token without exp would be good forever once leaked; RFC 9068 §2.2 makes exp REQUIRED.
            return invalid("token has no exp");
        }
        if (now.isAfter(exp.toInstant().plus(skew))) {
            return new TokenCheck.Refused(Reason.EXPIRED_TOKEN, "token expired");
        }
        if (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant().minus(skew))) {
            return invalid("token not yet valid");
        }
        if (claims.getIssueTime() != null && claims.getIssueTime().toInstant().isAfter(now.plus(skew))) {
            return invalid("token issued in the future");
        }
        IssuerOptions issuer = issuers.get(claims.getIssuer()).options();
        if (claims.getAudience().stream().noneMatch(issuer.audiences()::contains)) {
            return invalid("token is not for this audience");
        }
        if (claims.getSubject() == null || claims.getSubject().isEmpty()) {
            return invalid("token has no sub");
        }
        List<String> scopes = Scopes.of(claims);
        if (!scopes.containsAll(requiredScopes)) {
            return new TokenCheck.Refused(Reason.INSUFFICIENT_SCOPE, "token lacks a required scope");
        }
        return new TokenCheck.Valid(new BearerIdentity(claims.getSubject(), realm, claims.getIssuer(), scopes,
                exp.toInstant().getEpochSecond(), selectedClaims(claims)));
    }

    private Map<String, Object> selectedClaims(JWTClaimsSet claims) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : options.claims()) {
            Object value = claims.getClaim(name);
            if (value != null) {
                out.put(name, value instanceof Date d ? d.toInstant().getEpochSecond() : value);
            }
        }
        return out;
    }

    private static TokenCheck invalid(String description) {
        return new TokenCheck.Refused(Reason.INVALID_TOKEN, description);
    }

    /** Scopes as RFC 8693 §4.2 ({@code scope}, space separated) or as many issuers send them ({@code scp}, a list). */
    static final class Scopes {
        private Scopes() {
        }

        static List<String> of(JWTClaimsSet claims) {
            List<String> scopes = new ArrayList<>();
            Object scope = claims.getClaim("scope");
            if (scope instanceof String s) {
                addSpaceSeparated(scopes, s);
            }
            Object scp = claims.getClaim("scp");
            if (scp instanceof String s) {
                addSpaceSeparated(scopes, s);
            } else if (scp instanceof List<?> list) {
                list.stream().filter(String.class::isInstance).map(String.class::cast)
                        .filter(s -> !scopes.contains(s)).forEach(scopes::add);
            }
            return scopes;
        }

        private static void addSpaceSeparated(List<String> scopes, String s) {
            for (String part : s.split(" ")) {
                if (!part.isEmpty() && !scopes.contains(part)) {
                    scopes.add(part);
                }
            }
        }
    }
}
