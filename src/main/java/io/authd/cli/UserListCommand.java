package io.authd.cli;

import io.authd.credentials.CredentialEditor;
import io.authd.credentials.CredentialFile;
import io.authd.credentials.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code user list}: one row per user with the hash functions it can answer with; never an HA1. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List users (never their HA1s).")
final class UserListCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;
    @Mixin
    private CredentialFileOption file;
    @Option(names = "--realm", paramLabel = "REALM", description = "Only users of this realm.")
    private String realm;

    @Override
    public Integer call() {
        return switch (CredentialFile.load(file.path())) {
            case LoadResult.Failed failed -> Cli.fail(spec, failed.message());
            case LoadResult.Loaded loaded -> Cli.ok(spec, UserTable.of(CredentialEditor.list(loaded.snapshot(), realm)));
        };
    }
}
