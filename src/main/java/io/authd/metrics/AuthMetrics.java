package io.authd.metrics;

import io.authd.auth.ApiSurface;
import io.authd.auth.Decision;
import io.authd.auth.Protocol;
import io.authd.digest.DigestAlgorithm;

/**
 * What the authenticator reports about each call, whichever API it came through (JSON, forward-auth, gRPC).
 * Implementations are called on event loops for every request: they must not block and should not allocate.
 */
public interface AuthMetrics {

    /** Records nothing: metrics turned off, and unit tests. */
    AuthMetrics NONE = new AuthMetrics() {
        @Override
        public void verified(ApiSurface api, Protocol protocol, Scheme scheme, DigestAlgorithm algorithm,
                             Decision decision, long nanos) {
        }

        @Override
        public void challenged(ApiSurface api, Protocol protocol, long nanos) {
        }
    };

    /**
     * A verification ended in {@code decision} after {@code nanos}.
     *
     * @param algorithm the credentials' algorithm; null when there were none or authd does not know it
     */
    void verified(ApiSurface api, Protocol protocol, Scheme scheme, DigestAlgorithm algorithm, Decision decision,
                  long nanos);

    /** A challenge was minted in {@code nanos}. */
    void challenged(ApiSurface api, Protocol protocol, long nanos);
}
