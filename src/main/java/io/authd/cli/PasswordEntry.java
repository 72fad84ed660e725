package io.authd.cli;

/** The outcome of asking for a new password. */
sealed interface PasswordEntry {

    record Entered(String password) implements PasswordEntry {
        /** Never prints the password, should a record ever be logged. */
        @Override
        public String toString() {
            return "Entered[password=***]";
        }
    }

    /** No usable password: end of input, a mismatch, an overlong line. */
    record Refused(String reason) implements PasswordEntry {
    }
}
