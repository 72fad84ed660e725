package io.authd.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks for values authd sends inside a quoted-string of a challenge, where they must need no escaping. */
final class Quotable {
    private Quotable() {
    }

    /** RFC 6750 §3: {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}, separated by single spaces. */
    static boolean isScopeList(String s) {
        if (s.isEmpty() || s.startsWith(" ") || s.endsWith(" ") || s.contains("  ")) {
            return false;
        }
        return s.chars().allMatch(c -> c == ' ' || c == 0x21 || c >= 0x23 && c <= 0x5B || c >= 0x5D && c <= 0x7E);
    }

    static boolean isAbsoluteUri(String s) {
        try {
            URI uri = new URI(s);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && s.indexOf('"') < 0;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
