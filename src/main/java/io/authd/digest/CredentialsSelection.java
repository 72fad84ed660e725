package io.authd.digest;

import java.util.List;

/**
 * Picks the Digest credentials meant for a realm out of every Authorization (or Proxy-Authorization) value
 * a request carried. A SIP request may carry one per realm on its path (RFC 3261 §22.3), so credentials for
 * other realms are passed over, not refused; but any value that does not parse makes the request malformed,
 * since authd cannot tell which realm it was meant for.
 *
 * <p>Bearer tokens (RFC 6750 §2.1, RFC 8898) carry no realm: the first one is picked when no Digest
 * credentials for the realm came with it, so a client that sends both is answered for the realm's own Digest.
 */
public sealed interface CredentialsSelection {

    /** No Digest credentials at all: challenge. */
    record None() implements CredentialsSelection {
    }

    record Malformed(String reason) implements CredentialsSelection {
    }

    /** Digest credentials, none for this realm. */
    record OtherRealm(String realm) implements CredentialsSelection {
    }

    record Found(DigestCredentials credentials) implements CredentialsSelection {
    }

    /** A Bearer token (RFC 6750 §2.1 {@code b64token}, the token68 of RFC 9110 §11.4) and no Digest for the realm. */
    record Bearer(String token) implements CredentialsSelection {
        @Override
        public String toString() {
            return "Bearer[token hidden]";
        }
    }

    CredentialsSelection NONE = new None();

    static CredentialsSelection select(List<String> authorization, String realm) {
        String otherRealm = null;
        String bearer = null;
        for (String value : authorization) {
            AuthorizationParse parse = AuthorizationParser.parse(value);
            if (parse instanceof AuthorizationParse.Malformed m) {
                return new Malformed(m.reason());
            }
            for (Credentials c : ((AuthorizationParse.Parsed) parse).credentials()) {
                if (c.isScheme("Bearer")) {
                    if (c.token68() == null) {
                        return new Malformed("Bearer credentials without a token");
                    }
                    bearer = bearer == null ? c.token68() : bearer;
                    continue;
                }
                if (!c.isScheme("Digest")) {
                    continue;
                }
                DigestParse digest = DigestCredentialsParser.parse(c);
                if (digest instanceof DigestParse.Malformed m) {
                    return new Malformed(m.reason());
                }
                DigestCredentials dc = ((DigestParse.Valid) digest).credentials();
                if (dc.realm().equals(realm)) {
                    return new Found(dc);
                }
                otherRealm = dc.realm();
            }
        }
        if (bearer != null) {
            return new Bearer(bearer);
        }
        return otherRealm == null ? NONE : new OtherRealm(otherRealm);
    }
}
