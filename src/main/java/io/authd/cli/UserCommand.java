package io.authd.cli;

import picocli.CommandLine.Command;

/**
 * {@code user add|remove|list}: manage the users of the credentials file. Registered under the root
 * {@code authd} command; without a subcommand picocli reports a usage error.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage users in the credentials file. HA1s are stored, passwords never.",
        subcommands = {UserAddCommand.class, UserRemoveCommand.class, UserListCommand.class})
public final class UserCommand {
    private final PasswordInput passwordInput;

    /** Reads passwords from the terminal, or from standard input when there is none. */
    public UserCommand() {
        this(PasswordInput.system());
    }

    /** For tests: passwords come from {@code passwordInput}. */
    UserCommand(PasswordInput passwordInput) {
        this.passwordInput = passwordInput;
    }

    PasswordInput passwordInput() {
        return passwordInput;
    }
}
