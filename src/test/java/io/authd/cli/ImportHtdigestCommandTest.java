package io.authd.cli;

import io.authd.credentials.CredentialFile;
import io.authd.credentials.LoadResult;
import io.authd.credentials.UserCredentials;
import io.authd.digest.HashFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ImportHtdigestCommandTest {
    private static final String MUFASA_HA1 = "939e7578ed9e3c518a452acee763bce9";
    private static final String ALICE_HA1 = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void importsEveryUserWithAnMd5Ha1() throws IOException {
        Path htdigest = Files.writeString(dir.resolve(".htdigest"),
                "# users\nMufasa:testrealm@host.com:" + MUFASA_HA1 + "\nalice:example.com:" + ALICE_HA1 + "\n");
        Path file = dir.resolve("credentials.yaml");

        CliRun run = CliRun.run(new ImportHtdigestCommand(), "-f", file.toString(), htdigest.toString());

        assertThat(run).isEqualTo(new CliRun(0, "imported 2 users (added 2, replaced 0)\n", ""));
        UserCredentials mufasa = user(file, "testrealm@host.com", "Mufasa");
        assertThat(mufasa.ha1()).containsOnlyKeys(HashFunction.MD5).containsValue(MUFASA_HA1);
    }

    @Test
    void importReplacesTheHa1sOfAnExistingUser() throws IOException {
        Path file = dir.resolve("credentials.yaml");
        CliRun.run(new UserCommand(prompt -> new PasswordEntry.Entered("older password")),
                "add", "-f", file.toString(), "--realm", "testrealm@host.com", "Mufasa");
        Path htdigest = Files.writeString(dir.resolve("h"), "Mufasa:testrealm@host.com:" + MUFASA_HA1 + "\n");

        CliRun run = CliRun.run(new ImportHtdigestCommand(), "-f", file.toString(), htdigest.toString());

        assertThat(run.out()).isEqualTo("imported 1 users (added 0, replaced 1)\n");
        assertThat(user(file, "testrealm@host.com", "Mufasa").ha1()).containsOnlyKeys(HashFunction.MD5);
    }

    @Test
    void malformedLineFailsTheWholeImportWithItsNumber() throws IOException {
        Path htdigest = Files.writeString(dir.resolve("h"),
                "alice:example.com:" + ALICE_HA1 + "\nbob:example.com:short\n");
        Path file = dir.resolve("credentials.yaml");

        CliRun run = CliRun.run(new ImportHtdigestCommand(), "-f", file.toString(), htdigest.toString());

        assertThat(run).isEqualTo(new CliRun(1, "",
                "import-htdigest: " + htdigest + ": line 2: ha1: expected 32 lowercase hex digits\n"));
        assertThat(file).doesNotExist();
    }

    @Test
    void realmOptionImportsOnlyThatRealm() throws IOException {
        Path htdigest = Files.writeString(dir.resolve("h"),
                "Mufasa:testrealm@host.com:" + MUFASA_HA1 + "\nalice:example.com:" + ALICE_HA1 + "\n");
        Path file = dir.resolve("credentials.yaml");

        CliRun run = CliRun.run(new ImportHtdigestCommand(), "-f", file.toString(), "--realm", "example.com",
                htdigest.toString());

        assertThat(run.out()).isEqualTo("imported 1 users (added 1, replaced 0); skipped 1 in other realms\n");
        assertThat(((LoadResult.Loaded) CredentialFile.load(file)).snapshot().userCount()).isEqualTo(1);
    }

    private static UserCredentials user(Path file, String realm, String username) {
        return ((LoadResult.Loaded) CredentialFile.load(file)).snapshot().find(realm, username).orElseThrow();
    }
}
