package io.authd.digest;

import java.util.List;

/**
 * Picks the Digest credentials meant for a realm out of every Authorization (or Proxy-Authorization) value
 * a request carried. A SIP request may carry one per realm on its path (RFC 3261 §22.3), so credentials for
 * other realms are passed over, not refused; but any value that does not parse makes the request malformed,
 * since authd cannot tell which realm it was meant for.
 *
 * <p>Bearer tokens (RFC 6750 §2.1, RFC 8898) and Basic credentials (RFC 7617 §2) carry no realm: the first one is
 * picked when no Digest credentials for the realm came with it, so a client that sends both is answered for the
 * realm's own Digest; Bearer before Basic. An API key that came outside Authorization (an {@code X-API-Key}
 * header) is picked only when Authorization held none of these: it is the request's least explicit credential.
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

    /**
     * A Bearer token (RFC 6750 §2.1 {@code b64token}, the token68 of RFC 9110 §11.4) and no Digest for the realm.
     *
     * @param apiKeyOnly the token came outside Authorization, where only an API key may be
     */
    record Bearer(String token, boolean apiKeyOnly) implements CredentialsSelection {
        @Override
        public String toString() {
            return "Bearer[token hidden]";
        }
    }

    /** Basic credentials (RFC 7617 §2): the token68 holding base64(user-id ":" password), not yet decoded. */
    record Basic(String userPass) implements CredentialsSelection {
        @Override
        public String toString() {
            return "Basic[credentials hidden]";
        }
    }

    CredentialsSelection NONE = new None();

    /** @param apiKey an API key that came outside Authorization; null when none did */
    static CredentialsSelection select(List<String> authorization, String realm, String apiKey) {
        String otherRealm = null;
        String bearer = null;
        String basic = null;
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
                if (c.isScheme("Basic")) {
                    // RFC 7617 §2: the credentials are one token68; params instead count as undecodable user-pass.
                    basic = basic == null ? (c.token68() == null ? "" : c.token68()) : basic;
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
            return new Bearer(bearer, false);
        }
        if (basic != null) {
            return new Basic(basic);
        }
        if (apiKey != null && !apiKey.isEmpty()) {
            return new Bearer(apiKey, true);
        }
        return otherRealm == null ? NONE : new OtherRealm(otherRealm);
    }
}
