package io.authd.credentials;

import io.authd.digest.DigestHasher;
import io.authd.digest.HashFunction;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure edits of a {@link CredentialSnapshot}: each returns the new snapshot and what happened, and
 * {@link CredentialFile#edit} writes it under the file lock.
 */
public final class CredentialEditor {
    private CredentialEditor() {
    }

    /**
     * Why {@code username} in {@code realm} cannot be stored, if it cannot; {@code username} is checked as
     * {@link #addOrUpdate} would store it (NFC). Lets a caller refuse before asking for a password.
     */
    public static Optional<String> userProblem(String realm, String username) {
        return CredentialRules.realmProblem(realm).or(() -> CredentialRules.usernameProblem(nfc(username)));
    }

    /**
     * Adds the user, or replaces its HA1s and enabled flag, with an HA1 for every hash function so that it can
     * answer whichever algorithm a realm offers. Username and password are NFC-normalised first, as a client
     * prepares them before hashing (RFC 7616 §4 with RFC 8265 §3.3 and §4.2); the realm is hashed as
     * configured, since clients hash the challenge's realm as received.
     */
    public static AddResult addOrUpdate(CredentialSnapshot current, String realm, String username, String password,
                                        boolean enabled) {
        String user = nfc(username);
        String secret = nfc(password);
        Optional<String> problem = userProblem(realm, user)
                .or(() -> secret.isEmpty() ? Optional.of("password must not be empty") : Optional.empty());
        if (problem.isPresent()) {
            return new AddResult.Refused(problem.get());
        }
        UserCredentials saved = new UserCredentials(realm, user, ha1s(realm, user, secret), enabled);
        return new AddResult.Saved(current.with(saved), saved, current.find(realm, user).isEmpty());
    }

    /** Removes the user; {@link RemoveResult#existed()} is false (and nothing changes) if there was none. */
    public static RemoveResult remove(CredentialSnapshot current, String realm, String username) {
        String user = nfc(username);
        boolean existed = current.find(realm, user).isPresent();
        return new RemoveResult(current.without(realm, user), existed);
    }

    /** The users of {@code realm}, or of all realms when it is null, ordered by realm then username. */
    public static List<UserEntry> list(CredentialSnapshot snapshot, String realm) {
        return snapshot.users().stream()
                .filter(u -> realm == null || u.realm().equals(realm))
                .map(UserEntry::of)
                .toList();
    }

    private static Map<HashFunction, String> ha1s(String realm, String username, String password) {
        DigestHasher hasher = DigestHasher.current();
        Map<HashFunction, String> ha1 = new EnumMap<>(HashFunction.class);
        for (HashFunction hash : HashFunction.values()) {
            ha1.put(hash, hasher.ha1(hash, username, realm, password));
        }
        return ha1;
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
