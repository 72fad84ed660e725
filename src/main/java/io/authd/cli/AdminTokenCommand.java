package io.authd.cli;

import io.authd.admin.AdminToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code admin-token}: a new admin API token and the hash the server is configured with. Both go to standard
 * output as environment assignments (for a secret store); the advice goes to standard error.
 */
@Command(name = "admin-token", mixinStandardHelpOptions = true,
        description = "Print a new admin API token and the hash to configure the server with.")
final class AdminTokenCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String token = AdminToken.generate();
        PrintWriter err = spec.commandLine().getErr();
        err.println("# Keep " + AdminConnection.TOKEN_VARIABLE + " in a secret store: it is shown only this once and"
                + " grants the admin API.");
        err.println("# Give the server only AUTHD_ADMIN_TOKEN_HASH (or put it in the file admin.tokenHashFile names).");
        err.flush();
        return Cli.ok(spec, AdminConnection.TOKEN_VARIABLE + "=" + token + System.lineSeparator()
                + "AUTHD_ADMIN_TOKEN_HASH=" + AdminToken.hash(token));
    }
}
