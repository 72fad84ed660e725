package io.authd.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code authd} command line: the server and the tools that prepare its files. */
@Command(name = "authd", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Authentication service for SIP and the web: Digest challenges and verification.",
        subcommands = {ServeCommand.class, MigrateCommand.class, UserCommand.class, ImportHtdigestCommand.class,
                KeygenCommand.class, AdminTokenCommand.class, AdminCommand.class, ApiKeyCommand.class, CommandLine.HelpCommand.class})
public final class AuthdCommand {

    public static void main(String[] args) {
        int code = new CommandLine(new AuthdCommand()).execute(args);
        if (code != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(code);
        }
        // serve: the event loop threads keep the JVM alive; a shutdown hook closes it.
    }
}
