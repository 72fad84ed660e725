package io.authd.credentials;

import io.authd.digest.HashFunction;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What may be shown of a user: which hash functions it has an HA1 for, never the HA1s themselves.
 *
 * @param hashes in {@link HashFunction} order
 */
public record UserEntry(String realm, String username, boolean enabled, Set<HashFunction> hashes) {
    public UserEntry {
        EnumSet<HashFunction> ordered = EnumSet.noneOf(HashFunction.class);
        ordered.addAll(hashes);
        hashes = Collections.unmodifiableSet(ordered);
    }

    static UserEntry of(UserCredentials user) {
        return new UserEntry(user.realm(), user.username(), user.enabled(), user.ha1().keySet());
    }
}
