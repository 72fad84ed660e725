package io.authd.bearer;

import io.authd.auth.Protocol;
import io.authd.auth.Reason;
import io.authd.config.BearerOptions;
import io.authd.digest.HeaderValues;

import java.util.List;

/**
 * Writes a Bearer challenge: {@code Bearer realm="..."} with the realm's {@code scope}, for SIP its
 * {@code authz_server} (RFC 8898, WWW-Authenticate syntax), and after a refused token the RFC 6750 §3 {@code error} and
 * {@code error_description}. A request that sent no token gets no error attributes (RFC 6750 §3.1: "the
 * resource server SHOULD NOT include an error code or other error information").
 */
final class BearerChallenge {
    private BearerChallenge() {
    }

    static String plain(Protocol protocol, String realm, BearerOptions options) {
        return start(protocol, realm, options, options.scope()).toString();
    }

    /**
     * @param requiredScopes for {@code insufficient_scope}: the scopes the request needs, sent as {@code scope}
     *                       (RFC 6750 §3.1) in place of the realm's
     */
    static String error(Protocol protocol, String realm, BearerOptions options, Reason reason, String description,
                        List<String> requiredScopes) {
        boolean scopeError = reason == Reason.INSUFFICIENT_SCOPE;
        String scope = scopeError && !requiredScopes.isEmpty() ? String.join(" ", requiredScopes) : options.scope();
        StringBuilder b = start(protocol, realm, options, scope);
        // expired_token is authd's reason code; on the wire RFC 6750 §3.1 knows only invalid_token for it.
        b.append(", error=\"").append(scopeError ? "insufficient_scope" : "invalid_token").append('"');
        b.append(", error_description=");
        HeaderValues.appendQuoted(b, description);
        return b.toString();
    }

    private static StringBuilder start(Protocol protocol, String realm, BearerOptions options, String scope) {
        StringBuilder b = new StringBuilder("Bearer realm=");
        HeaderValues.appendQuoted(b, realm);
        if (scope != null) {
            b.append(", scope=");
            HeaderValues.appendQuoted(b, scope);
        }
        if (protocol == Protocol.SIP && options.authzServer() != null) {
            b.append(", authz_server=");
            HeaderValues.appendQuoted(b, options.authzServer());
        }
        return b;
    }
}
