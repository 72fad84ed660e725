package io.authd.cli;

import java.io.Console;

/**
 * Where {@code user add} gets the new password. Never the command line: argv is visible to every local user
 * in {@code ps} and lands in shell history.
 */
@FunctionalInterface
interface PasswordInput {

    /** Asks for a new password; {@code prompt} is shown only where someone can see it. */
    PasswordEntry read(String prompt);

    /** The terminal if there is one (asking twice, without echo), else one line of standard input. */
    static PasswordInput system() {
        Console console = System.console();
        if (console != null) {
            return new ConsolePasswordInput(prompt -> console.readPassword("%s", prompt));
        }
        return new StreamPasswordInput(System.in);
    }
}
