package io.authd.credentials;

import io.authd.digest.HashFunction;
import io.vertx.core.Future;

import java.util.Optional;

/** What a lookup asked a {@link CredentialStore}, as a cache key: the one place that knows how to ask it again. */
sealed interface LookupKey {

    /** Asks {@code store} the question this key stands for. */
    Future<Optional<UserCredentials>> askOf(CredentialStore store);

    record ByUsername(String realm, String username) implements LookupKey {
        @Override
        public Future<Optional<UserCredentials>> askOf(CredentialStore store) {
            return store.findByUsername(realm, username);
        }
    }

    /** {@code userhash} is lowercase hex, as {@link CredentialStore#findByUserhash} takes it. */
    record ByUserhash(String realm, HashFunction hash, String userhash) implements LookupKey {
        @Override
        public Future<Optional<UserCredentials>> askOf(CredentialStore store) {
            return store.findByUserhash(realm, hash, userhash);
        }
    }
}
