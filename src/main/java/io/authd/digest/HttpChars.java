package io.authd.digest;

import java.util.Optional;
import java.util.function.Function;

/**
 * Character classes of RFC 9110 §5.6 and the hex digits of RFC 7616, ASCII only on purpose: the JDK's
 * {@link Character#digit} and {@link String#equalsIgnoreCase} also accept non-ASCII look-alikes
 * ({@code "ſ"} U+017F upper-cases to {@code "S"}, Arabic-Indic digits are digits), which must never pass
 * for a token or a hex digit.
 */
final class HttpChars {
    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";
    private static final String TOKEN68_SYMBOLS = "-._~+/";
    private static final boolean[] TCHAR = table(TCHAR_SYMBOLS);
    private static final boolean[] TOKEN68 = table(TOKEN68_SYMBOLS);

    private HttpChars() {
    }

    /** RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA. */
    static boolean isTchar(char c) {
        return c < 128 && TCHAR[c];
    }

    /** RFC 9110 §11.2: token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=". */
    static boolean isToken68Char(char c) {
        return c < 128 && TOKEN68[c];
    }

    /** Lookup tables: every character of every header goes through one of these. */
    private static boolean[] table(String symbols) {
        boolean[] t = new boolean[128];
        for (char c = 0; c < 128; c++) {
            t[c] = isAlphaNum(c) || symbols.indexOf(c) >= 0;
        }
        return t;
    }

    static boolean isAlphaNum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** RFC 9110 §5.6.3: OWS and BWS are *( SP / HTAB ). */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** True if {@code s} is a non-empty RFC 9110 token. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Value of an ASCII hex digit (either case), or -1. */
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /** True if {@code s} is exactly {@code length} ASCII hex digits of either case. */
    static boolean isHex(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (hexValue(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** ASCII case-insensitive equality; unlike {@link String#equalsIgnoreCase} no non-ASCII folding. */
    static boolean equalsIgnoreAsciiCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (toLowerAscii(a.charAt(i)) != toLowerAscii(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value whose token equals {@code token} up to ASCII case, or empty (also for null). Tokens of RFC 7616 are
     * not said to be case-sensitive and clients differ; only ASCII case is folded, since
     * {@link String#equalsIgnoreCase} would let look-alikes such as U+017F ("ſ", upper-cased "S") through.
     */
    static <E> Optional<E> byToken(E[] values, Function<E, String> tokenOf, String token) {
        if (token != null) {
            for (E value : values) {
                if (equalsIgnoreAsciiCase(tokenOf.apply(value), token)) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private static char toLowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Controls other than HTAB: never valid in a field value (RFC 9110 §5.5), CR LF would inject headers. */
    static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7f;
    }

    /**
     * Describes the first character that may not appear anywhere in a field value, or returns null: a
     * control character (RFC 9110 §5.5), or an unpaired UTF-16 surrogate, which is how invalid UTF-8
     * arrives once a caller has decoded it. Names the offset, never the surrounding text.
     */
    static String findForbidden(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue; // nearly every character: printable ASCII
            }
            if (isControl(c)) {
                return String.format("control character U+%04X at offset %d", (int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "unpaired UTF-16 surrogate at offset " + i + " (invalid UTF-8?)";
            }
        }
        return null;
    }

    /** True if {@code s} holds nothing but OWS. */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
