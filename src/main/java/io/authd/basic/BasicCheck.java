package io.authd.basic;

import io.authd.credentials.UserCredentials;
import io.authd.digest.DigestHasher;
import io.authd.digest.HashFunction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

/**
 * Checks a Basic password against the user's stored HA1 = H(user ":" realm ":" password) (RFC 7616 §3.4.2), so no
 * other password hash is stored. Pure Java.
 *
 * <p>An unknown or disabled user costs the same hashing as a known one, against an HA1 no password produces in
 * practice, so neither the answer nor its timing tells them apart (a user holding only an MD5 HA1, such as one
 * imported from htdigest, is hashed with MD5, which is a little faster).
 */
final class BasicCheck {
    /** Strongest first: the HA1 of the strongest hash function the user has is the one compared. */
    private static final List<HashFunction> STRONGEST_FIRST =
            List.of(HashFunction.SHA_512_256, HashFunction.SHA_256, HashFunction.MD5);
    private static final HashFunction UNKNOWN_USER_HASH = STRONGEST_FIRST.get(0);
    private static final byte[] UNKNOWN_USER_HA1 = "0".repeat(UNKNOWN_USER_HASH.hexLength())
            .getBytes(StandardCharsets.US_ASCII);

    private BasicCheck() {
    }

    /** @param user null when the store has no such user */
    static boolean matches(UserCredentials user, String username, String realm, String password) {
        HashFunction hash = user == null || !user.enabled() ? null : strongest(user);
        byte[] stored = hash == null ? UNKNOWN_USER_HA1
                : user.ha1(hash).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        String computed = DigestHasher.current().ha1(hash == null ? UNKNOWN_USER_HASH : hash, username, realm, password);
        // MessageDigest.isEqual takes the same time wherever the first difference is.
        boolean equal = MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), stored);
        return equal && hash != null;
    }

    private static HashFunction strongest(UserCredentials user) {
        for (HashFunction h : STRONGEST_FIRST) {
            if (user.ha1(h) != null) {
                return h;
            }
        }
        return null;
    }
}
