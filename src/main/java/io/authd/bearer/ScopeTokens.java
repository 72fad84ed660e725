package io.authd.bearer;

/**
 * RFC 6750 §3: {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}. Scopes are echoed inside a quoted-string
 * of a challenge, so only these characters (no {@code "}, {@code \}, space or control character) are accepted.
 */
public final class ScopeTokens {
    private ScopeTokens() {
    }

    public static boolean isToken(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c == 0x21 || c >= 0x23 && c <= 0x5B || c >= 0x5D && c <= 0x7E);
    }

    /** Scope tokens separated by single spaces, as the {@code scope} attribute carries them. */
    public static boolean isList(String s) {
        for (String token : s.split(" ", -1)) {
            if (!isToken(token)) {
                return false;
            }
        }
        return true;
    }
}
