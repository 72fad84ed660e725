package io.authd.credentials;

import java.util.Optional;

/**
 * The outcome of {@link CredentialEditor#remove} (and of the API key edits): the snapshot afterwards, and whether
 * what was changed existed (for an added key: always).
 */
public record RemoveResult(CredentialSnapshot snapshot, boolean existed) implements CredentialChange {
    @Override
    public Optional<CredentialSnapshot> toWrite() {
        return existed ? Optional.of(snapshot) : Optional.empty();
    }
}
