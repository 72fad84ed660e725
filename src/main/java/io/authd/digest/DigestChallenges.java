package io.authd.digest;

import io.authd.auth.HeaderField;
import io.authd.auth.Protocol;
import io.authd.auth.Role;
import io.authd.config.RealmOptions;
import io.authd.nonce.NonceService;

import java.util.ArrayList;
import java.util.List;

/**
 * Mints Digest challenges: one header per offered algorithm, preferred first (RFC 7616 §3.7, RFC 8760 §2.4),
 * each with its own nonce bound to that algorithm.
 */
public final class DigestChallenges {
    private final NonceService nonces;

    public DigestChallenges(NonceService nonces) {
        this.nonces = nonces;
    }

    /**
     * @param clientAddress used only when the realm binds nonces to clients
     * @param stale         RFC 7616 §3.3: the previous nonce was authentic but expired, so a client may
     *                      retry without asking its user again; set on every challenge offered
     */
    public List<HeaderField> headers(Protocol protocol, Role role, RealmOptions realm,
                                     List<DigestAlgorithm> algorithms, String clientAddress, boolean stale) {
        DigestProfile profile = DigestProfile.of(protocol);
        String binding = realm.bindClientAddress() ? clientAddress : null;
        List<HeaderField> headers = new ArrayList<>(algorithms.size());
        for (DigestAlgorithm algorithm : algorithms) {
            String nonce = nonces.mint(realm.name(), algorithm, binding);
            String value = profile.challenge(realm, algorithm, nonce, NonceService.opaqueFor(nonce), stale);
            headers.add(new HeaderField(role.challengeHeader(), value));
        }
        return headers;
    }

    /** A fresh nonce for Authentication-Info's {@code nextnonce} (RFC 7616 §3.5). */
    public String nextNonce(RealmOptions realm, DigestAlgorithm algorithm, String clientAddress) {
        return nonces.mint(realm.name(), algorithm, realm.bindClientAddress() ? clientAddress : null);
    }
}
