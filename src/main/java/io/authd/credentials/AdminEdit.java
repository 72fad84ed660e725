package io.authd.credentials;

import java.util.Optional;

/** The outcome of a {@link CredentialAdmin} edit of the users: what to write back, and what the caller is told. */
record AdminEdit(Optional<CredentialSnapshot> toWrite, WriteResult result) implements CredentialChange {

    static AdminEdit written(CredentialSnapshot snapshot, WriteResult result) {
        return new AdminEdit(Optional.of(snapshot), result);
    }

    static AdminEdit unchanged(WriteResult result) {
        return new AdminEdit(Optional.empty(), result);
    }
}
