package io.authd.digest;

import io.authd.auth.Decision;
import io.authd.auth.Reason;
import io.authd.auth.VerifyRequest;
import io.authd.config.RealmOptions;

import java.util.List;

/**
 * One verification's request with its resolved realm and the algorithms to offer if it ends in a challenge.
 */
public record VerifyContext(VerifyRequest request, RealmOptions realm, List<DigestAlgorithm> offered,
                            DigestChallenges challenges) {

    public static VerifyContext of(VerifyRequest request, RealmOptions realm, DigestChallenges challenges) {
        List<DigestAlgorithm> offered = request.algorithms() == null ? realm.algorithms() : request.algorithms();
        return new VerifyContext(request, realm, offered, challenges);
    }

    /** The client address nonces are bound to, or null when the realm does not bind them. */
    public String nonceBinding() {
        return realm.bindClientAddress() ? request.clientAddress() : null;
    }

    /** A challenge answer: fresh challenges for every offered algorithm, 401 or 407 by role. */
    public Decision challenge(Reason reason, boolean stale, String detail) {
        return Decision.challenge(request.role().challengeStatus(), reason,
                challenges.headers(request.protocol(), request.role(), realm, offered, request.clientAddress(), stale),
                detail);
    }
}
