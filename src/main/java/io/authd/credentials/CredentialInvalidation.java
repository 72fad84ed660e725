package io.authd.credentials;

/** Where news of changed users goes: a cache drops what it holds of them. */
public interface CredentialInvalidation {

    /** The user {@code username} of {@code realm} changed (or was added or removed). */
    void invalidate(String realm, String username);

    /** Anything may have changed (news was lost while the listener was disconnected). */
    void invalidateAll();

    /** For a store that serves its own writes at once and has no cache in front of it. */
    static CredentialInvalidation none() {
        return new CredentialInvalidation() {
            @Override
            public void invalidate(String realm, String username) {
            }

            @Override
            public void invalidateAll() {
            }
        };
    }
}
