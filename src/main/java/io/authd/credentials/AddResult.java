package io.authd.credentials;

import java.util.Optional;

/** The outcome of {@link CredentialEditor#addOrUpdate}. */
public sealed interface AddResult extends CredentialChange {

    /** The user was added ({@code created}) or had its HA1s replaced; {@code snapshot} holds the result. */
    record Saved(CredentialSnapshot snapshot, UserCredentials user, boolean created) implements AddResult {
        @Override
        public Optional<CredentialSnapshot> toWrite() {
            return Optional.of(snapshot);
        }
    }

    /** The input broke a rule (empty password, invalid name); nothing changes. */
    record Refused(String reason) implements AddResult {
        @Override
        public Optional<CredentialSnapshot> toWrite() {
            return Optional.empty();
        }
    }
}
