package io.authd.cli;

import java.util.Arrays;
import java.util.function.Function;

/** Asks twice on a terminal without echo, since a typo cannot be seen, and requires both to match. */
final class ConsolePasswordInput implements PasswordInput {
    private final Function<String, char[]> readWithoutEcho;

    /** @param readWithoutEcho shows a prompt and reads a line without echo; null at end of input */
    ConsolePasswordInput(Function<String, char[]> readWithoutEcho) {
        this.readWithoutEcho = readWithoutEcho;
    }

    @Override
    public PasswordEntry read(String prompt) {
        char[] first = readWithoutEcho.apply(prompt);
        if (first == null) {
            return new PasswordEntry.Refused("no password entered");
        }
        char[] second = readWithoutEcho.apply("Retype password: ");
        try {
            if (second == null || !Arrays.equals(first, second)) {
                return new PasswordEntry.Refused("passwords do not match");
            }
            return new PasswordEntry.Entered(new String(first));
        } finally {
            Arrays.fill(first, '\0');
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }
}
