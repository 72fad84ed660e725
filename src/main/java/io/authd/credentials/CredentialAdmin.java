package io.authd.credentials;

import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/**
 * Changes to the users of a writable store, for the admin API. Usernames and HA1s arrive already checked
 * and prepared ({@link UserChanges}); a store refuses only what it alone can know (the user exists, or does
 * not). A failed future means the store could not be reached or written: nothing was changed that the caller
 * can rely on, and the admin API answers 503.
 */
public interface CredentialAdmin {

    /** Adds a user; {@link WriteResult.AlreadyExists} when the realm has one of that name. */
    Future<WriteResult> create(UserCredentials user);

    /** Applies {@code change} to an existing user; {@link WriteResult.NotFound} when there is none. */
    Future<WriteResult> update(String realm, String username, UserChange change);

    /** Removes a user; {@link WriteResult.NotFound} when there is none. */
    Future<WriteResult> delete(String realm, String username);

    Future<Optional<UserEntry>> get(String realm, String username);

    /**
     * Users of {@code realm} ordered by username, at most {@code limit}, starting after {@code after}
     * (exclusive; null for the first page), so that large tables are listed in pages.
     */
    Future<List<UserEntry>> list(String realm, String after, int limit);
}
