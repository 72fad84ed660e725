package io.authd.replay;

/**
 * An anti-replay window over nonce-counts, as IPsec's (RFC 4303 §3.4.3): the highest count seen and a
 * bitmap of the {@code size} counts below it. A count is accepted once; counts that arrive out of order
 * are accepted while they are inside the window, so clients that pipeline requests on one nonce work.
 * Not thread-safe: the store serialises access per nonce.
 */
public final class SlidingWindow {
    /** The bitmap is one long. */
    public static final int MAX_SIZE = 64;

    private final int size;
    private long highest;
    private long seen; // bit i set: count (highest - i) was used

    public SlidingWindow(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("window size must be 1.." + MAX_SIZE + ", got " + size);
        }
        this.size = size;
    }

    /** Records {@code nc} and says whether it is its first use inside the window. */
    public boolean accept(long nc) {
        if (nc <= 0) {
            return false;
        }
        if (nc > highest) {
            long shift = nc - highest;
            seen = shift >= Long.SIZE ? 1L : (seen << shift) | 1L;
            highest = nc;
            return true;
        }
        long offset = highest - nc;
        if (offset >= size) {
            return false; // too old to tell: refuse rather than risk a replay
        }
        long bit = 1L << offset;
        if ((seen & bit) != 0) {
            return false;
        }
        seen |= bit;
        return true;
    }

    public long highest() {
        return highest;
    }
}
