package io.authd.credentials;

import io.authd.digest.AuthorizationParser;
import io.authd.digest.HashFunction;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The rules every stored name and HA1 obeys, shared by the file loader, the editor and the htdigest importer
 * so that all three refuse the same things with the same words.
 */
public final class CredentialRules {
    /**
     * A longer username could not be sent in a Digest {@code username=} parameter at all, since the parser takes
     * no longer value; refusing it here keeps stores from holding users who can never log in.
     */
    static final int MAX_USERNAME_LENGTH = AuthorizationParser.MAX_VALUE_LENGTH;

    private CredentialRules() {
    }

    /**
     * A realm is compared and hashed exactly as configured: clients hash the realm string of the challenge
     * (RFC 7616 §3.4.2), so it is not normalised here.
     */
    public static Optional<String> realmProblem(String realm) {
        return nameProblem("realm", realm);
    }

    /**
     * Usernames must be NFC: clients prepare the username with a PRECIS profile before hashing it (RFC 7616 §4),
     * and NFC is that profile's normalisation rule (RFC 8265 §3.3), so a stored non-NFC name could never match.
     */
    static Optional<String> usernameProblem(String username) {
        Optional<String> problem = nameProblem("username", username);
        if (problem.isEmpty() && username.length() > MAX_USERNAME_LENGTH) {
            return Optional.of("username must be at most " + MAX_USERNAME_LENGTH + " characters");
        }
        if (problem.isEmpty() && !Normalizer.isNormalized(username, Normalizer.Form.NFC)) {
            return Optional.of("username must be in Unicode NFC (RFC 7616 §4, RFC 8265)");
        }
        return problem;
    }

    /** HA1s are stored as the LHEX of RFC 7616 §3: lowercase only, so that stored values compare byte for byte. */
    static Optional<String> ha1Problem(HashFunction hash, String ha1) {
        if (ha1.length() == hash.hexLength() && ha1.chars().allMatch(CredentialRules::isLowerHex)) {
            return Optional.empty();
        }
        return Optional.of("expected " + hash.hexLength() + " lowercase hex digits");
    }

    /**
     * Control characters would break header lines and log lines; {@code "} cannot appear unescaped in the
     * quoted-string that carries a username or realm (RFC 7616 §3.3, §3.4; RFC 3261 §25.1).
     */
    private static Optional<String> nameProblem(String what, String name) {
        if (name.isEmpty()) {
            return Optional.of(what + " must not be empty");
        }
        if (name.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL)) {
            return Optional.of(what + " must not contain control characters");
        }
        if (name.indexOf('"') >= 0) {
            return Optional.of(what + " must not contain '\"'");
        }
        return Optional.empty();
    }

    /** {@code name} as it may appear in a one-line message: control characters escaped, empty shown as {@code ""}. */
    public static String printable(String name) {
        if (name.isEmpty()) {
            return "\"\"";
        }
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.CONTROL) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean isLowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
