package io.authd.credentials;

/** The outcome of one check of the credentials file by {@link FileCredentialStore}. */
public sealed interface ReloadResult {

    /** The file had not changed since it was last read; nothing was parsed. */
    record Unchanged() implements ReloadResult {
    }

    /** The file changed and its new content is now served. */
    record Reloaded(int realms, int users) implements ReloadResult {
    }

    /** The file changed but is broken; the previous users are still served. */
    record Rejected(String reason) implements ReloadResult {
    }
}
