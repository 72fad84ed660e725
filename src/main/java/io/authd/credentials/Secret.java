package io.authd.credentials;

import io.authd.digest.HashFunction;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** What sets a user's HA1s: a password (hashed for every hash function) or the HA1s themselves. */
public sealed interface Secret {

    record Password(String password) implements Secret {
        /** Never prints the password, should a record ever be logged. */
        @Override
        public String toString() {
            return "Password[***]";
        }
    }

    /** @param ha1 as given; {@link UserChanges} checks that it is non-empty and lowercase hex */
    record Ha1s(Map<HashFunction, String> ha1) implements Secret {
        public Ha1s {
            EnumMap<HashFunction, String> copy = new EnumMap<>(HashFunction.class);
            copy.putAll(ha1);
            ha1 = Collections.unmodifiableMap(copy);
        }

        /** An HA1 is as good as a password to an attacker (RFC 7616 §5.13): shows only the hash functions. */
        @Override
        public String toString() {
            return "Ha1s" + ha1.keySet();
        }
    }
}
