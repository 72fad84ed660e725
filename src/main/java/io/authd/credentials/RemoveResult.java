package io.authd.credentials;

import java.util.Optional;

/** The outcome of {@link CredentialEditor#remove}: the users afterwards, and whether the user existed. */
public record RemoveResult(CredentialSnapshot snapshot, boolean existed) implements CredentialChange {
    @Override
    public Optional<CredentialSnapshot> toWrite() {
        return existed ? Optional.of(snapshot) : Optional.empty();
    }
}
