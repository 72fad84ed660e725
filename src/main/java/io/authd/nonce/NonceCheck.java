package io.authd.nonce;

/** What a nonce turned out to be. */
public sealed interface NonceCheck {

    /**
     * Authentic and within its lifetime.
     *
     * @param expiresAtMillis when it turns stale; replay state for it may be dropped then
     * @param refreshDue      enough of the lifetime is used that an allow should carry a {@code nextnonce}
     */
    record Fresh(long issuedAtMillis, long expiresAtMillis, boolean refreshDue) implements NonceCheck {
    }

    /** Authentic, minted by this cluster for this realm and algorithm, but expired (RFC 7616 §3.3 "stale"). */
    record Stale(long issuedAtMillis) implements NonceCheck {
    }

    /** Not minted by this cluster, tampered, bound elsewhere, or from the future: never trusted. */
    record Invalid(String reason) implements NonceCheck {
    }
}
