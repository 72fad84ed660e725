package io.authd.cli;

import picocli.CommandLine.Command;

import java.util.function.UnaryOperator;

/** {@code admin user ...}, {@code admin apikey ...}: the admin API of a running server, from the command line. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manage a running server through its admin API on the management port.",
        subcommands = {AdminUserCommand.class, AdminApiKeyCommand.class})
public final class AdminCommand {
    private final PasswordInput passwordInput;
    private final UnaryOperator<String> env;

    /** Passwords from the terminal, or standard input when there is none; the token from the environment. */
    public AdminCommand() {
        this(PasswordInput.system(), System::getenv);
    }

    /** For tests: passwords from {@code passwordInput}, environment variables from {@code env}. */
    AdminCommand(PasswordInput passwordInput, UnaryOperator<String> env) {
        this.passwordInput = passwordInput;
        this.env = env;
    }

    PasswordInput passwordInput() {
        return passwordInput;
    }

    UnaryOperator<String> env() {
        return env;
    }
}
