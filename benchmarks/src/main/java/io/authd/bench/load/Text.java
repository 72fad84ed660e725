package io.authd.bench.load;

import java.nio.charset.StandardCharsets;

/** Small text helpers of the driver: lowercase hex, Digest header parameters, JSON string escaping. */
final class Text {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Text() {
    }

    /** Lowercase hex of {@code digest} into {@code out} from 0 (the LHEX of RFC 7616 §3). */
    static void hex(byte[] digest, byte[] out) {
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[digest[i] & 0xf];
        }
    }

    static byte[] hex(byte[] digest) {
        byte[] out = new byte[digest.length * 2];
        hex(digest, out);
        return out;
    }

    /** {@code n} as the 8 lowercase hex digits of a nonce-count, into {@code out}. */
    static void nc(long n, byte[] out) {
        for (int i = 7; i >= 0; i--) {
            out[i] = HEX[(int) (n & 0xf)];
            n >>>= 4;
        }
    }

    /**
     * The value of parameter {@code name} in a Digest challenge or Authentication-Info value, unquoted, or null.
     * Parameter names are matched whole ({@code nonce} does not match {@code nextnonce}), case-insensitively.
     */
    static String param(String header, String name) {
        int i = header.regionMatches(true, 0, "Digest ", 0, 7) ? 7 : 0;
        int n = header.length();
        while (i < n) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == ',' || header.charAt(i) == '\t')) {
                i++;
            }
            int nameStart = i;
            while (i < n && header.charAt(i) != '=' && header.charAt(i) != ',') {
                i++;
            }
            String found = header.substring(nameStart, i).strip();
            if (i >= n || header.charAt(i) != '=') {
                continue; // a bare token (no value): skip it
            }
            i++; // '='
            StringBuilder value = new StringBuilder();
            if (i < n && header.charAt(i) == '"') {
                i++;
                while (i < n && header.charAt(i) != '"') {
                    char c = header.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = header.charAt(i++);
                    }
                    value.append(c);
                }
                i++; // closing quote
            } else {
                while (i < n && header.charAt(i) != ',') {
                    value.append(header.charAt(i++));
                }
            }
            if (found.equalsIgnoreCase(name)) {
                return value.toString().strip();
            }
        }
        return null;
    }

    /** {@code s} as the inside of a JSON string. */
    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
