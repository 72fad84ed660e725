package io.authd.lockout;

import io.authd.config.LockoutOptions;

/**
 * The numbers every store applies, in milliseconds: the failure window and the exponential lockout.
 *
 * @param windowMillis the sliding window failures are counted over
 * @param baseMillis   the first lockout
 * @param factor       each further lockout is this many times longer
 * @param maxMillis    no lockout is longer
 */
public record LockoutPolicy(long windowMillis, long baseMillis, double factor, long maxMillis) {
    /** Past this many lockouts the duration stays at its cap anyway; bounding the exponent keeps pow finite. */
    static final int MAX_EXPONENT = 64;

    public static LockoutPolicy of(LockoutOptions options) {
        return new LockoutPolicy(options.window().toMillis(), options.baseDuration().toMillis(), options.factor(),
                options.maxDuration().toMillis());
    }

    /** How long the {@code strikes}-th lockout of a key lasts (1 = the first). */
    long lockMillis(int strikes) {
        double millis = baseMillis * Math.pow(factor, Math.min(strikes - 1, MAX_EXPONENT));
        return (long) Math.min(Math.floor(millis), maxMillis);
    }

    /** Shared stores keep a key this long after its last write: its window state matters for two windows. */
    long retainMillis() {
        return 2 * windowMillis;
    }
}
