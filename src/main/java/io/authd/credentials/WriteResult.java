package io.authd.credentials;

/** The outcome of a {@link CredentialAdmin} write that reached the store. */
public sealed interface WriteResult {

    /** The user as it now is. */
    record Created(UserEntry user) implements WriteResult {
    }

    /** The user as it now is. */
    record Updated(UserEntry user) implements WriteResult {
    }

    record Deleted() implements WriteResult {
    }

    record NotFound() implements WriteResult {
    }

    record AlreadyExists() implements WriteResult {
    }

    /** The store takes no writes (a table authd reads with custom queries but does not own). */
    record ReadOnly(String reason) implements WriteResult {
    }
}
