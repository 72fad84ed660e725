package io.authd.credentials;

import io.authd.digest.HashFunction;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a store knows of one user: the HA1 = H(username:realm:password) per hash function, lowercase hex
 * (RFC 7616 §3.4.2). Passwords are never kept. A user may lack an HA1 for some hash functions (an imported
 * htdigest file has MD5 only); such a user cannot answer with those algorithms.
 */
public record UserCredentials(String realm, String username, Map<HashFunction, String> ha1, boolean enabled) {
    public UserCredentials {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(username, "username");
        EnumMap<HashFunction, String> copy = new EnumMap<>(HashFunction.class);
        copy.putAll(ha1);
        ha1 = java.util.Collections.unmodifiableMap(copy);
    }

    /** The HA1 for {@code hash}, or null when the user has none for it. */
    public String ha1(HashFunction hash) {
        return ha1.get(hash);
    }
}
