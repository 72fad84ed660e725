package io.authd.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks for values authd sends inside a quoted-string of a challenge, where they must need no escaping. */
final class Quotable {
    private Quotable() {
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
