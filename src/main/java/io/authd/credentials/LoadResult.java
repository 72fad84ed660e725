package io.authd.credentials;

/** The outcome of reading a credentials file: a bad file is a value, not an exception. */
public sealed interface LoadResult {

    /** The file's users, and the stamp of the exact bytes they were parsed from. */
    record Loaded(CredentialSnapshot snapshot, FileStamp stamp) implements LoadResult {
    }

    /** Why the file could not be used; starts with the file's path and names the offending key or line. */
    record Failed(String message) implements LoadResult {
    }
}
