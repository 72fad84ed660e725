package io.authd.credentials;

/** The outcome of {@link CredentialFile#edit}: the change made, or why the file could not be edited. */
public sealed interface EditResult<T extends CredentialChange> {

    /** The edit ran; its result says whether anything was written. */
    record Edited<T extends CredentialChange>(T change) implements EditResult<T> {
    }

    /** The file could not be read, parsed or written; nothing was changed. */
    record Failed<T extends CredentialChange>(String message) implements EditResult<T> {
    }
}
