package io.authd.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --file} option of every command that reads or edits the credentials file. */
final class CredentialFileOption {
    @Option(names = {"-f", "--file"}, paramLabel = "PATH",
            defaultValue = "${env:AUTHD_CREDENTIALS_FILE:-config/credentials.yaml}",
            description = "Credentials file (default: $AUTHD_CREDENTIALS_FILE, else config/credentials.yaml"
                    + " in the working directory).")
    private Path file;

    Path path() {
        return file;
    }
}
