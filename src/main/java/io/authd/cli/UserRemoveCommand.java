package io.authd.cli;

import io.authd.credentials.CredentialEditor;
import io.authd.credentials.CredentialFile;
import io.authd.credentials.EditResult;
import io.authd.credentials.RemoveResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code user remove}: removes a user; removing a user that does not exist is a failure, for scripts to notice. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user.")
final class UserRemoveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;
    @Mixin
    private CredentialFileOption file;
    @Option(names = "--realm", required = true, paramLabel = "REALM", description = "Realm of the user.")
    private String realm;
    @Parameters(paramLabel = "USERNAME", description = "Username.")
    private String username;

    @Override
    public Integer call() {
        EditResult<RemoveResult> result = CredentialFile.edit(file.path(),
                current -> CredentialEditor.remove(current, realm, username));
        return switch (result) {
            case EditResult.Failed<RemoveResult> failed -> Cli.fail(spec, failed.message());
            case EditResult.Edited<RemoveResult> edited -> edited.change().existed()
                    ? Cli.ok(spec, "removed " + Cli.user(username, realm))
                    : Cli.fail(spec, "no user " + username + " in realm " + realm);
        };
    }
}
