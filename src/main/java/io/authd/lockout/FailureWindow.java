package io.authd.lockout;

/**
 * One key's failures and lockouts, and the rules that update them; the Redis script ({@code lockout-fail.lua}) and
 * the PostgreSQL function ({@link PostgresLockoutStore}) apply the same rules to the same fields.
 *
 * <p>The count is a sliding-window counter: failures in the current fixed window plus those of the previous window
 * weighted by how much of it still overlaps the sliding window. It needs two numbers per key instead of one
 * timestamp per failure, so a shared store keeps a fixed small row per key whatever the attack rate.
 *
 * @param start       when the current window began (epoch millis)
 * @param current     failures in the current window
 * @param previous    failures in the previous window
 * @param strikes     lockouts so far; the next one lasts {@link LockoutPolicy#factor()} times longer
 * @param lockedUntil when the current lockout ends; in the past when none
 */
record FailureWindow(long start, double current, double previous, int strikes, long lockedUntil) {

    static FailureWindow fresh(long now) {
        return new FailureWindow(now, 0, 0, 0, 0);
    }

    /** The state after one more failure at {@code now}: locked out when the window holds {@code threshold}. */
    FailureWindow fail(long now, int threshold, LockoutPolicy policy) {
        FailureWindow rolled = rollTo(now, policy.windowMillis());
        double counted = rolled.current + 1;
        double estimate = counted + rolled.previous * (policy.windowMillis() - (now - rolled.start))
                / policy.windowMillis();
        if (estimate >= threshold) {
            int strike = strikes + 1;
            // A lockout clears the count: the next one needs a full threshold of failures after it ends.
            return new FailureWindow(now, 0, 0, strike, now + policy.lockMillis(strike));
        }
        return new FailureWindow(rolled.start, counted, rolled.previous, strikes, lockedUntil);
    }

    /** When the key may be forgotten: once its window state and its lockout no longer matter. */
    long expiresAt(long now, LockoutPolicy policy) {
        return Math.max(lockedUntil, now) + policy.retainMillis();
    }

    private FailureWindow rollTo(long now, long window) {
        if (now >= start + 2 * window) {
            return new FailureWindow(now, 0, 0, strikes, lockedUntil);
        }
        if (now >= start + window) {
            return new FailureWindow(start + window, 0, current, strikes, lockedUntil);
        }
        return this;
    }
}
