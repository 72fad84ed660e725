package io.authd.cli;

import io.authd.credentials.CredentialFile;
import io.authd.credentials.LoadResult;
import io.authd.digest.HashFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class UserCommandTest {
    private static final String PASSWORD = "Circle Of Life";

    @TempDir
    Path dir;

    @Test
    void addReadsThePasswordFromStandardInputAndListShowsTheUserWithoutHa1s() throws Exception {
        Path file = dir.resolve("config").resolve("credentials.yaml"); // the directory is created too

        CliRun add = user(PASSWORD + "\r\n", "add", "-f", file.toString(), "--realm", "testrealm@host.com", "Mufasa");
        CliRun list = user("", "list", "--file", file.toString());

        assertThat(add).isEqualTo(new CliRun(0, "added Mufasa@testrealm@host.com\n", ""));
        assertThat(list.code()).isZero();
        assertThat(list.out()).isEqualTo("""
                REALM               USER    ENABLED  ALGORITHMS
                testrealm@host.com  Mufasa  yes      MD5,SHA-256,SHA-512-256
                """);
        String md5 = loadedHa1(file);
        assertThat(md5).isEqualTo("939e7578ed9e3c518a452acee763bce9"); // RFC 2617 §3.5: the \r\n was stripped
        assertThat(add.out() + list.out()).doesNotContain(md5);
    }

    @Test
    void addOfAnExistingUserUpdatesItAndDisabledShowsInTheList() {
        Path file = dir.resolve("credentials.yaml");
        user("old\n", "add", "-f", file.toString(), "--realm", "r", "alice");

        CliRun update = user("new\n", "add", "-f", file.toString(), "--realm", "r", "alice", "--disabled");

        assertThat(update.out()).isEqualTo("updated alice@r\n");
        assertThat(user("", "list", "-f", file.toString()).out()).contains("alice  no ");
    }

    @Test
    void passwordNeverAppearsInOutputOrFile() throws Exception {
        Path file = dir.resolve("credentials.yaml");
        String secret = "s3cret-Pa55word";

        CliRun add = user(secret + "\n", "add", "-f", file.toString(), "--realm", "r", "alice");
        CliRun list = user("", "list", "-f", file.toString());
        CliRun remove = user("", "remove", "-f", file.toString(), "--realm", "r", "alice");

        assertThat(add.out() + add.err() + list.out() + list.err() + remove.out() + remove.err()).doesNotContain(secret);
        assertThat(Files.readString(file)).doesNotContain(secret);
    }

    @Test
    void addWithNothingOnStandardInputFails() {
        Path file = dir.resolve("credentials.yaml");

        CliRun add = user("", "add", "-f", file.toString(), "--realm", "r", "alice");

        assertThat(add).isEqualTo(new CliRun(1, "", "user add: no password on standard input\n"));
        assertThat(file).doesNotExist();
    }

    @Test
    void addWithAnEmptyPasswordLineFails() {
        Path file = dir.resolve("credentials.yaml");

        CliRun add = user("\n", "add", "-f", file.toString(), "--realm", "r", "alice");

        assertThat(add).isEqualTo(new CliRun(1, "", "user add: password must not be empty\n"));
        assertThat(file).doesNotExist();
    }

    @Test
    void invalidUsernameIsRefusedBeforeAskingForAPassword() {
        PasswordInput mustNotBeAsked = prompt -> {
            throw new AssertionError("asked for a password");
        };

        CliRun add = CliRun.run(new UserCommand(mustNotBeAsked), "add", "-f", dir.resolve("c.yaml").toString(),
                "--realm", "r", "al\"ice");

        assertThat(add).isEqualTo(new CliRun(1, "", "user add: username must not contain '\"'\n"));
    }

    @Test
    void removeDeletesTheUserAndFailsForAnUnknownOne() {
        Path file = dir.resolve("credentials.yaml");
        user("pw\n", "add", "-f", file.toString(), "--realm", "r", "alice");

        CliRun removed = user("", "remove", "-f", file.toString(), "--realm", "r", "alice");
        CliRun again = user("", "remove", "-f", file.toString(), "--realm", "r", "alice");

        assertThat(removed).isEqualTo(new CliRun(0, "removed alice@r\n", ""));
        assertThat(again).isEqualTo(new CliRun(1, "", "user remove: no user alice in realm r\n"));
    }

    @Test
    void listCanBeLimitedToOneRealm() {
        Path file = dir.resolve("credentials.yaml");
        user("pw\n", "add", "-f", file.toString(), "--realm", "a", "alice");
        user("pw\n", "add", "-f", file.toString(), "--realm", "b", "bob");

        CliRun list = user("", "list", "-f", file.toString(), "--realm", "b");

        assertThat(list.out()).contains("bob").doesNotContain("alice");
    }

    @Test
    void brokenFileFailsWithOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("credentials.yaml"), "version: 2\nrealms: {}\n");

        CliRun list = user("", "list", "-f", file.toString());
        CliRun add = user("pw\n", "add", "-f", file.toString(), "--realm", "r", "alice");

        assertThat(list).isEqualTo(new CliRun(1, "", "user list: " + file + ": version: expected 1, got 2\n"));
        assertThat(add.code()).isEqualTo(1);
        assertThat(add.err()).hasLineCount(1);
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(user("", "add", "-f", "x.yaml", "alice").code()).isEqualTo(2); // --realm missing
        assertThat(user("", "frobnicate").code()).isEqualTo(2);
        assertThat(user("").code()).isEqualTo(2); // a subcommand is required
    }

    @Test
    @DisabledIfEnvironmentVariable(named = "AUTHD_CREDENTIALS_FILE", matches = ".*")
    void fileDefaultsToConfigCredentialsYaml() {
        CommandLine cli = new CommandLine(new UserCommand(prompt -> null));

        for (String sub : new String[] {"add", "remove", "list"}) {
            assertThat(cli.getSubcommands().get(sub).getCommandSpec().findOption("--file").defaultValue())
                    .isEqualTo("config/credentials.yaml");
        }
    }

    private CliRun user(String stdin, String... args) {
        var input = new StreamPasswordInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return CliRun.run(new UserCommand(input), args);
    }

    private static String loadedHa1(Path file) {
        LoadResult.Loaded loaded = (LoadResult.Loaded) CredentialFile.load(file);
        return loaded.snapshot().find("testrealm@host.com", "Mufasa").orElseThrow().ha1(HashFunction.MD5);
    }
}
