package io.authd.digest;

/** Writing header parameter values. */
public final class HeaderValues {
    private HeaderValues() {
    }

    /**
     * Appends {@code value} as a quoted-string, escaping {@code "} and {@code \} with quoted-pair
     * (RFC 9110 §5.6.4): a client-chosen cnonce is echoed and must not break out of its quotes.
     */
    public static void appendQuoted(StringBuilder b, String value) {
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        b.append('"');
    }
}
