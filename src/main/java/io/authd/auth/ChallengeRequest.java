package io.authd.auth;

import io.authd.digest.DigestAlgorithm;

import java.util.List;
import java.util.Objects;

/**
 * A request to mint a challenge (contract "POST /v1/challenge").
 *
 * @param realm      null means the configured default realm
 * @param algorithms offered in this order; null means the realm's configured list
 * @param secure     the caller says the original request came over TLS: only then is Basic offered where the
 *                   realm requires TLS for it
 */
public record ChallengeRequest(Protocol protocol, Role role, String realm, List<DigestAlgorithm> algorithms,
                               String clientAddress, boolean secure) {
    public ChallengeRequest {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(role, "role");
        algorithms = algorithms == null ? null : List.copyOf(algorithms);
    }
}
