package io.authd.digest;

import java.nio.charset.StandardCharsets;

/**
 * Appends a string's UTF-8 bytes to a caller's array: hash and MAC inputs are assembled this way so they reach
 * the JCA in one update call, without a {@code getBytes} array per string.
 */
public final class Utf8Bytes {
    private Utf8Bytes() {
    }

    /** The room {@link #put} may need for {@code s}: three bytes per UTF-16 unit at most. */
    public static int maxBytes(String s) {
        return s.length() * 3;
    }

    /**
     * Writes {@code s} at {@code pos}, which must have {@link #maxBytes} of room; returns the position after it.
     * ASCII, nearly all input here, is copied byte by byte; from the first other character on, the JDK encodes.
     */
    public static int put(byte[] dst, int pos, String s) {
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] rest = s.substring(i).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(rest, 0, dst, pos, rest.length);
                return pos + rest.length;
            }
            dst[pos++] = (byte) c;
        }
        return pos;
    }
}
