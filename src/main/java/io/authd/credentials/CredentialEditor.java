package io.authd.credentials;

import java.util.List;
import java.util.Optional;

/**
 * Pure edits of a {@link CredentialSnapshot}: each returns the new snapshot and what happened, and
 * {@link CredentialFile#edit} writes it under the file lock. Input is prepared by {@link UserChanges}.
 */
public final class CredentialEditor {
    private CredentialEditor() {
    }

    /** Adds the user, or replaces its HA1s and enabled flag, with an HA1 for every hash function. */
    public static AddResult addOrUpdate(CredentialSnapshot current, String realm, String username, String password,
                                        boolean enabled) {
        return switch (UserChanges.newUser(realm, username, new Secret.Password(password), enabled)) {
            case Checked.Invalid<UserCredentials> invalid -> new AddResult.Refused(invalid.problem());
            case Checked.Valid<UserCredentials> valid -> new AddResult.Saved(current.with(valid.value()), valid.value(),
                    current.find(realm, valid.value().username()).isEmpty());
        };
    }

    /** Removes the user; {@link RemoveResult#existed()} is false (and nothing changes) if there was none. */
    public static RemoveResult remove(CredentialSnapshot current, String realm, String username) {
        String user = UserChanges.username(username);
        boolean existed = current.find(realm, user).isPresent();
        return new RemoveResult(current.without(realm, user), existed);
    }

    /** Stores a new API key (its hash; the secret is the caller's to show once). */
    public static RemoveResult addApiKey(CredentialSnapshot current, ApiKey key) {
        return new RemoveResult(current.withApiKey(key), true);
    }

    /** Revokes an API key by deleting it; {@link RemoveResult#existed()} is false if there was none. */
    public static RemoveResult revokeApiKey(CredentialSnapshot current, String realm, String id) {
        return new RemoveResult(current.withoutApiKey(realm, id), current.findApiKey(realm, id).isPresent());
    }

    /** The users of {@code realm}, or of all realms when it is null, ordered by realm then username. */
    public static List<UserEntry> list(CredentialSnapshot snapshot, String realm) {
        return snapshot.users().stream()
                .filter(u -> realm == null || u.realm().equals(realm))
                .map(UserEntry::of)
                .toList();
    }

    /** Adds {@code user} unless the realm has one of that name: the admin API's create never overwrites. */
    static AdminEdit create(CredentialSnapshot current, UserCredentials user) {
        if (current.find(user.realm(), user.username()).isPresent()) {
            return AdminEdit.unchanged(new WriteResult.AlreadyExists());
        }
        return AdminEdit.written(current.with(user), new WriteResult.Created(UserEntry.of(user)));
    }

    static AdminEdit update(CredentialSnapshot current, String realm, String username, UserChange change) {
        Optional<UserCredentials> user = current.find(realm, UserChanges.username(username));
        if (user.isEmpty()) {
            return AdminEdit.unchanged(new WriteResult.NotFound());
        }
        UserCredentials changed = change.applyTo(user.get());
        return AdminEdit.written(current.with(changed), new WriteResult.Updated(UserEntry.of(changed)));
    }

    static AdminEdit delete(CredentialSnapshot current, String realm, String username) {
        RemoveResult removed = remove(current, realm, username);
        return removed.existed() ? AdminEdit.written(removed.snapshot(), new WriteResult.Deleted())
                : AdminEdit.unchanged(new WriteResult.NotFound());
    }
}
