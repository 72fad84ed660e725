package io.authd.metrics;

/**
 * What brute-force protection reports. The key kind ({@code user} or {@code address}) is the only tag: never the
 * user or the address, whose number an attacker would choose.
 */
public interface LockoutMetrics {

    /** Records nothing: metrics turned off, and unit tests. */
    LockoutMetrics NONE = new LockoutMetrics() {
        @Override
        public void failureCounted(String kind) {
        }

        @Override
        public void lockedOut(String kind) {
        }

        @Override
        public void storeError() {
        }
    };

    /** A failed verification was counted under a key of this kind. */
    void failureCounted(String kind);

    /** A key of this kind reached its threshold and is now locked out. */
    void lockedOut(String kind);

    /** The lockout store could not answer a check or a record. */
    void storeError();
}
