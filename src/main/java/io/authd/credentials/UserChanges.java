package io.authd.credentials;

import io.authd.digest.DigestHasher;
import io.authd.digest.HashFunction;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what an operator gives (a name and a {@link Secret}) into users and changes that obey
 * {@link CredentialRules}: the one preparation shared by the CLI's editor, the admin API and so every
 * {@link CredentialAdmin}. Username and password are NFC-normalised first, as a client prepares them before
 * hashing (RFC 7616 §4 with RFC 8265 §3.3 and §4.2); the realm is hashed as configured, since clients hash the
 * challenge's realm as received. A password gives an HA1 for every hash function, so that the user can answer
 * whichever algorithm a realm offers.
 */
public final class UserChanges {
    private UserChanges() {
    }

    /** {@code username} as it is stored and looked up. */
    public static String username(String username) {
        return nfc(username);
    }

    /**
     * Why {@code username} in {@code realm} cannot be stored, if it cannot; {@code username} is checked as it
     * would be stored (NFC). Lets a caller refuse before asking for a password.
     */
    public static Optional<String> userProblem(String realm, String username) {
        return CredentialRules.realmProblem(realm).or(() -> CredentialRules.usernameProblem(nfc(username)));
    }

    public static Checked<UserCredentials> newUser(String realm, String username, Secret secret, boolean enabled) {
        String user = nfc(username);
        Optional<String> problem = userProblem(realm, user);
        if (problem.isPresent()) {
            return new Checked.Invalid<>(problem.get());
        }
        return ha1s(realm, user, secret).map(ha1 -> new UserCredentials(realm, user, ha1, enabled));
    }

    /**
     * A change of an existing user's HA1s and enabled flag; a null {@code secret} or {@code enabled} keeps that
     * part. {@code username} is needed because a password's HA1s cover it.
     */
    public static Checked<UserChange> change(String realm, String username, Secret secret, Boolean enabled) {
        if (secret == null) {
            return new Checked.Valid<>(new UserChange(null, enabled));
        }
        return ha1s(realm, nfc(username), secret).map(ha1 -> new UserChange(ha1, enabled));
    }

    private static Checked<Map<HashFunction, String>> ha1s(String realm, String username, Secret secret) {
        return switch (secret) {
            case Secret.Password p -> fromPassword(realm, username, nfc(p.password()));
            case Secret.Ha1s h -> checked(h.ha1());
        };
    }

    private static Checked<Map<HashFunction, String>> fromPassword(String realm, String username, String password) {
        if (password.isEmpty()) {
            return new Checked.Invalid<>("password must not be empty");
        }
        DigestHasher hasher = DigestHasher.current();
        Map<HashFunction, String> ha1 = new EnumMap<>(HashFunction.class);
        for (HashFunction hash : HashFunction.values()) {
            ha1.put(hash, hasher.ha1(hash, username, realm, password));
        }
        return new Checked.Valid<>(ha1);
    }

    private static Checked<Map<HashFunction, String>> checked(Map<HashFunction, String> ha1) {
        if (ha1.isEmpty()) {
            return new Checked.Invalid<>("ha1 must hold an HA1 for at least one of " + HashFunction.tokens());
        }
        for (Map.Entry<HashFunction, String> e : ha1.entrySet()) {
            Optional<String> problem = CredentialRules.ha1Problem(e.getKey(), e.getValue());
            if (problem.isPresent()) {
                return new Checked.Invalid<>("ha1." + e.getKey().token() + ": " + problem.get());
            }
        }
        return new Checked.Valid<>(ha1);
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
