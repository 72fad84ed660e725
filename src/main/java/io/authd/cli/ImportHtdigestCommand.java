package io.authd.cli;

import io.authd.credentials.CredentialFile;
import io.authd.credentials.EditResult;
import io.authd.credentials.HtdigestImporter;
import io.authd.credentials.HtdigestParse;
import io.authd.credentials.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code import-htdigest FILE}: imports an Apache htdigest file, all lines or none. */
@Command(name = "import-htdigest", mixinStandardHelpOptions = true,
        description = {"Import users from an Apache htdigest file (user:realm:md5-ha1 lines).",
                "Imported users get the MD5 HA1 only, replacing any HA1s they had: the htdigest file is the"
                        + " source of truth for their passwords. Set a password with `user add` to add SHA-256 ones."})
public final class ImportHtdigestCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;
    @Mixin
    private CredentialFileOption file;
    @Option(names = "--realm", paramLabel = "REALM", description = "Import only the lines of this realm.")
    private String realm;
    @Parameters(paramLabel = "FILE", description = "The htdigest file.")
    private Path htdigest;

    @Override
    public Integer call() {
        return switch (HtdigestImporter.read(htdigest)) {
            case HtdigestParse.Malformed malformed ->
                    Cli.fail(spec, malformed.problems().stream().map(p -> htdigest + ": " + p).toList());
            case HtdigestParse.Parsed parsed -> save(parsed.entries());
        };
    }

    private int save(List<HtdigestParse.Entry> entries) {
        EditResult<ImportResult> result = CredentialFile.edit(file.path(),
                current -> HtdigestImporter.apply(current, entries, realm));
        return switch (result) {
            case EditResult.Failed<ImportResult> failed -> Cli.fail(spec, failed.message());
            case EditResult.Edited<ImportResult> edited -> Cli.ok(spec, summary(edited.change()));
        };
    }

    private static String summary(ImportResult r) {
        String skipped = r.skipped() > 0 ? "; skipped " + r.skipped() + " in other realms" : "";
        return "imported " + (r.added() + r.replaced()) + " users (added " + r.added() + ", replaced " + r.replaced()
                + ")" + skipped;
    }
}
