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
 */
public record VerifyRequest(Protocol protocol, Role role, String method, String uri, String realm,
                            List<String> authorization, byte[] body, String clientAddress,
                            List<String> requiredScopes, List<DigestAlgorithm> algorithms) {
    public VerifyRequest {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        authorization = authorization == null ? List.of() : List.copyOf(authorization);
        requiredScopes = requiredScopes == null ? List.of() : List.copyOf(requiredScopes);
        algorithms = algorithms == null ? null : List.copyOf(algorithms);
    }
}
