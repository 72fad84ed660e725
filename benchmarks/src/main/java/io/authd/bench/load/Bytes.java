package io.authd.bench.load;

/** Byte-array searches for checking answers without decoding them. */
final class Bytes {
    private Bytes() {
    }

    static boolean startsWith(byte[] b, byte[] prefix) {
        return regionEquals(b, 0, prefix);
    }

    static boolean regionEquals(byte[] b, int at, byte[] part) {
        if (at < 0 || at + part.length > b.length) {
            return false;
        }
        for (int i = 0; i < part.length; i++) {
            if (b[at + i] != part[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first index of {@code part} in {@code b} at or after {@code from}, or -1. */
    static int indexOf(byte[] b, byte[] part, int from) {
        int last = b.length - part.length;
        for (int i = Math.max(0, from); i <= last; i++) {
            if (b[i] == part[0] && regionEquals(b, i, part)) {
                return i;
            }
        }
        return -1;
    }
}
