package io.authd.auth;

import io.authd.digest.DigestAlgorithm;

import java.util.List;
import java.util.Objects;

/**
 * A request to verify credentials (contract "POST /v1/verify").
 *
 * @param realm         null means the configured default realm
 * @param authorization the Authorization (origin) or Proxy-Authorization (proxy) values; empty means none
 * @param body          message body for qop=auth-int; null when not given
 * @param clientAddress the client's address as the caller saw it; null when unknown
 * @param algorithms    challenges to offer if the answer is a challenge; null means the realm's list
 * @param secure        the caller says the original request came over TLS (Basic may need it)
 * @param apiKey        an API key that came outside Authorization (e.g. in X-API-Key); null when none came or the
 *                      realm does not read keys there
 */
public record VerifyRequest(Protocol protocol, Role role, String method, String uri, String realm,
                            List<String> authorization, byte[] body, String clientAddress,
                            List<String> requiredScopes, List<DigestAlgorithm> algorithms, boolean secure,
                            String apiKey) {
    public VerifyRequest {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        authorization = authorization == null ? List.of() : List.copyOf(authorization);
        requiredScopes = requiredScopes == null ? List.of() : List.copyOf(requiredScopes);
        algorithms = algorithms == null ? null : List.copyOf(algorithms);
    }

    /** Without the credentials: passwords, tokens and keys must not reach a log through a record's toString. */
    @Override
    public String toString() {
        return "VerifyRequest[" + protocol.wireName() + " " + role.wireName() + " " + method + " " + uri + ", realm="
                + realm + ", credentials hidden]";
    }
}
