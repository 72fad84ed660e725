package io.authd.credentials;

import io.authd.digest.HashFunction;

import java.util.EnumMap;
import java.util.Map;

/**
 * What an update changes; null components are left as they are.
 *
 * @param ha1     replaces every HA1 of the user (hash functions missing here are removed), non-empty when set
 * @param enabled enables or disables the user
 */
public record UserChange(Map<HashFunction, String> ha1, Boolean enabled) {
    public UserChange {
        if (ha1 != null) {
            if (ha1.isEmpty()) {
                throw new IllegalArgumentException("a change of HA1s must keep at least one");
            }
            ha1 = java.util.Collections.unmodifiableMap(new EnumMap<>(ha1));
        }
    }

    /** The user after this change. */
    public UserCredentials applyTo(UserCredentials user) {
        return new UserCredentials(user.realm(), user.username(), ha1 == null ? user.ha1() : ha1,
                enabled == null ? user.enabled() : enabled);
    }
}
