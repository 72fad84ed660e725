package io.authd.api.http;

import io.authd.auth.BasicIdentity;
import io.authd.auth.BearerIdentity;
import io.authd.auth.Decision;
import io.authd.auth.DigestIdentity;
import io.authd.auth.HeaderField;
import io.authd.auth.Identity;
import io.authd.auth.Outcome;

import java.util.List;
import java.util.Map;

/**
 * A Decision as the wire shows it (contract "Decisions"), the one mapping that the JSON writer and the gRPC
 * API both start from, so the two APIs cannot drift: the words of each outcome, reason, algorithm and qop,
 * and which fields are absent, are decided here once. Fields are in the order both APIs write them.
 *
 * @param identity null unless the outcome is allow
 * @param detail   null when there is none
 */
public record WireDecision(String outcome, int status, String reason, WireIdentity identity,
                           List<HeaderField> headers, String detail) {

    /**
     * @param algorithm and {@code qop} are null where they do not apply (Bearer, Basic; qop: RFC 2069 answers)
     * @param bearer    null for Digest and Basic
     */
    public record WireIdentity(String scheme, String user, String realm, String algorithm, String qop,
                               WireBearer bearer) {
    }

    /**
     * Contract "Bearer identity".
     *
     * @param issuer    null for an API key
     * @param expiresAt epoch seconds; null for an API key that does not expire
     * @param claims    JSON values (String, Number, Boolean, List, Map, null)
     */
    public record WireBearer(String subject, String issuer, List<String> scopes, Long expiresAt,
                             Map<String, Object> claims) {
    }

    /**
     * On allow, the identity for the upstream service behind a forward-auth proxy or Envoy: X-Authd-User,
     * X-Authd-Realm, X-Authd-Scheme; empty otherwise. Proxies must set them over any the client sent.
     */
    public static List<HeaderField> upstreamHeaders(Decision d) {
        if (d.outcome() != Outcome.ALLOW) {
            return List.of();
        }
        return List.of(new HeaderField("X-Authd-User", ForwardAuth.headerSafe(d.identity().user())),
                new HeaderField("X-Authd-Realm", ForwardAuth.headerSafe(d.identity().realm())),
                new HeaderField("X-Authd-Scheme", d.identity().scheme()));
    }

    public static WireDecision of(Decision d) {
        return new WireDecision(d.outcome().wireName(), d.status(), d.reason().code(),
                d.identity() == null ? null : identity(d.identity()), d.headers(), d.detail());
    }

    private static WireIdentity identity(Identity identity) {
        return switch (identity) {
            case DigestIdentity d -> new WireIdentity(d.scheme(), d.user(), d.realm(), d.algorithm().token(),
                    d.qop() == null ? null : d.qop().token(), null);
            case BearerIdentity b -> new WireIdentity(b.scheme(), b.user(), b.realm(), null, null,
                    new WireBearer(b.subject(), b.issuer(), b.scopes(), b.expiresAt(), b.claims()));
            case BasicIdentity b -> new WireIdentity(b.scheme(), b.user(), b.realm(), null, null, null);
        };
    }
}
