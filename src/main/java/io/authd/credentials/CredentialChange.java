package io.authd.credentials;

import java.util.Optional;

/** The outcome of one edit of the users: what, if anything, to write back to the file. */
public interface CredentialChange {

    /** The users to write, or empty to leave the file untouched (nothing changed, or the edit was refused). */
    Optional<CredentialSnapshot> toWrite();
}
