package io.authd.credentials;

import io.authd.digest.HashFunction;
import io.vertx.core.Future;

import java.util.Optional;

/**
 * Where users' HA1s come from. Implementations never fail a lookup for an unknown user (that is an
 * empty result); a failed future means the store could not answer, and the caller must fail closed.
 */
public interface CredentialStore {

    /** The user named {@code username} in {@code realm}; usernames compare exactly (case-sensitive). */
    Future<Optional<UserCredentials>> findByUsername(String realm, String username);

    /**
     * The user whose userhash H(username ":" realm) with {@code hash} is {@code userhash}
     * (RFC 7616 §3.4.4); {@code userhash} is lowercase hex.
     */
    Future<Optional<UserCredentials>> findByUserhash(String realm, HashFunction hash, String userhash);

    /**
     * The API key {@code id} of {@code realm}, stored as a hash; empty when there is none (revoked keys are
     * deleted). Stores without API keys answer empty.
     */
    default Future<Optional<ApiKey>> findApiKey(String realm, String id) {
        return Future.succeededFuture(Optional.empty());
    }

    /** True once the store can answer (the file was loaded, the database reached). */
    boolean ready();
}
