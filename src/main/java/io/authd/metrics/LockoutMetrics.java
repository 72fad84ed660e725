package io.authd.metrics;

/**
 * What brute-force protection reports; each method records nothing unless implemented. The key kind ({@code user} or {@code address}) is the only tag: never the
 * user or the address, whose number an attacker would choose.
 */
public interface LockoutMetrics {

    /** Records nothing: metrics turned off, and unit tests. */
    LockoutMetrics NONE = new LockoutMetrics() {
    };

    /** A failed verification was counted under a key of this kind. */
    default void failureCounted(String kind) {
    }

    /** A key of this kind reached its threshold and is now locked out. */
    default void lockedOut(String kind) {
    }

    /** The lockout store could not answer a check or a record. */
    default void storeError() {
    }
}
