package io.authd.bearer;

import io.vertx.core.Future;

import java.util.List;

/** Where an issuer's verification keys come from: fixed in the configuration, or its JWKS document. */
public interface IssuerKeys {

    /** The keys usable now; null when there are none to trust (never fetched, or stale past the bound). */
    List<TrustedKey> current();

    /**
     * Asks for the issuer's keys again because a token names a {@code kid} not among them (the issuer may have
     * rotated). Never fails.
     *
     * @return true when new keys were fetched, so checking the token again may succeed; false when nothing was
     *         fetched (fixed keys, the rate limit, or the issuer did not answer)
     */
    Future<Boolean> refetch();

    /** Stops background refreshes. */
    default Future<Void> close() {
        return Future.succeededFuture();
    }
}
