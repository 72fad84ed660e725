package io.authd.cli;

import io.authd.credentials.AddResult;
import io.authd.credentials.CredentialEditor;
import io.authd.credentials.CredentialFile;
import io.authd.credentials.EditResult;
import io.authd.credentials.UserChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code user add}: adds a user or sets its password, creating the file if needed. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add a user, or set the password and enabled flag of an existing one.",
                "The password is never taken from the command line: it is asked twice on a terminal,"
                        + " or read as one line from standard input."})
final class UserAddCommand implements Callable<Integer> {
    @ParentCommand
    private UserCommand parent;
    @Spec
    private CommandSpec spec;
    @Mixin
    private CredentialFileOption file;
    @Option(names = "--realm", required = true, paramLabel = "REALM", description = "Realm of the user.")
    private String realm;
    @Option(names = "--disabled", description = "Store the user disabled: known, but refused at login.")
    private boolean disabled;
    @Parameters(paramLabel = "USERNAME", description = "Username, stored in Unicode NFC.")
    private String username;

    @Override
    public Integer call() {
        Optional<String> problem = UserChanges.userProblem(realm, username); // before asking for a password
        if (problem.isPresent()) {
            return Cli.fail(spec, problem.get());
        }
        return switch (parent.passwordInput().read("Password for " + Cli.user(username, realm) + ": ")) {
            case PasswordEntry.Refused refused -> Cli.fail(spec, refused.reason());
            case PasswordEntry.Entered entered -> save(entered.password());
        };
    }

    private int save(String password) {
        EditResult<AddResult> result = CredentialFile.edit(file.path(),
                current -> CredentialEditor.addOrUpdate(current, realm, username, password, !disabled));
        return switch (result) {
            case EditResult.Failed<AddResult> failed -> Cli.fail(spec, failed.message());
            case EditResult.Edited<AddResult> edited -> report(edited.change());
        };
    }

    private int report(AddResult result) {
        return switch (result) {
            case AddResult.Refused refused -> Cli.fail(spec, refused.reason());
            case AddResult.Saved saved -> Cli.ok(spec, (saved.created() ? "added " : "updated ")
                    + Cli.user(saved.user().username(), saved.user().realm()));
        };
    }
}
