package io.authd.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where and as whom {@code admin user} commands call: the server's management address, the admin token (from
 * the environment or a file, never an argument: argv shows in {@code ps}) and the realm of the user.
 */
final class AdminConnection {
    static final String TOKEN_VARIABLE = "AUTHD_ADMIN_TOKEN";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;
    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:AUTHD_ADMIN_URL:-http://127.0.0.1:8081}",
            description = "Management address of the server (default: $AUTHD_ADMIN_URL, else http://127.0.0.1:8081).")
    private URI url;
    @Option(names = "--token-file", paramLabel = "PATH",
            description = "File holding the admin token (default: the token in $" + TOKEN_VARIABLE + ").")
    private Path tokenFile;
    @Option(names = "--realm", required = true, paramLabel = "REALM", description = "Realm of the users.")
    private String realm;

    String realm() {
        return realm;
    }

    CommandSpec command() {
        return command;
    }

    /**
     * A client with the token of {@code --token-file}, else of {@code $AUTHD_ADMIN_TOKEN}.
     *
     * @throws ParameterException when there is no usable token or URL: a usage error, exit code 2
     */
    AdminClient client(UnaryOperator<String> env) {
        if ((!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) || url.getHost() == null) {
            throw new ParameterException(command.commandLine(), "--url: expected http://host:port or https://host:port");
        }
        String token = tokenFile != null ? read(tokenFile) : env.apply(TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
            throw new ParameterException(command.commandLine(), "no admin token: set $" + TOKEN_VARIABLE
                    + " or give --token-file (authd admin-token makes one)");
        }
        return new AdminClient(url, token.strip());
    }

    private String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ParameterException(command.commandLine(), "--token-file: cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
