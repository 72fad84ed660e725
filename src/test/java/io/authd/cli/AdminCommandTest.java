package io.authd.cli;

import io.authd.admin.AdminToken;
import io.authd.testing.ClientDigest;
import io.authd.testing.EndToEndTest;
import io.authd.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code authd admin-token} and {@code authd admin user ...} against a running server. */
class AdminCommandTest extends EndToEndTest {
    private static final String REALM = "sha256.example.com";
    private static Path tokenFile;
    private static Path wrongTokenFile;

    @BeforeAll
    static void writeTokenFiles() throws Exception {
        tokenFile = Files.writeString(dir.resolve("admin-token"), TestServer.ADMIN_TOKEN + "\n");
        wrongTokenFile = Files.writeString(dir.resolve("wrong-token"), AdminToken.generate());
    }

    @Test
    void adminTokenPrintsATokenAndTheHashToConfigure() {
        CliRun run = CliRun.run(new AuthdCommand(), "admin-token");

        List<String> lines = run.out().lines().toList();
        assertThat(run.code()).isZero();
        assertThat(lines).hasSize(2);
        String token = lines.get(0).substring("AUTHD_ADMIN_TOKEN=".length());
        assertThat(lines.get(0)).startsWith("AUTHD_ADMIN_TOKEN=authd_admin_");
        assertThat(lines.get(1)).isEqualTo("AUTHD_ADMIN_TOKEN_HASH=" + AdminToken.hash(token));
        assertThat(run.err()).contains("secret store");
    }

    @Test
    void usersAreAddedListedDisabledEnabledAndRemovedOnTheServer() {
        CliRun add = admin("first-pw\n", "add", "--realm", REALM, "erin");
        assertThat(add).isEqualTo(new CliRun(0, "added erin@" + REALM + "\n", ""));
        assertThat(listed()).containsPattern(row("erin", "yes", "MD5,SHA-256,SHA-512-256"));

        assertThat(admin("", "disable", "--realm", REALM, "erin").out()).isEqualTo("disabled erin@" + REALM + "\n");
        assertThat(listed()).containsPattern(row("erin", "no", "MD5,SHA-256,SHA-512-256"));
        assertThat(admin("", "enable", "--realm", REALM, "erin").out()).isEqualTo("enabled erin@" + REALM + "\n");
        assertThat(listed()).containsPattern(row("erin", "yes", "MD5,SHA-256,SHA-512-256"));

        assertThat(admin("", "remove", "--realm", REALM, "erin")).isEqualTo(new CliRun(0, "removed erin@" + REALM + "\n", ""));
        assertThat(listed()).doesNotContain("erin");
    }

    @Test
    void setChangesThePasswordAndNeverPrintsIt() throws Exception {
        admin("old-secret\n", "add", "--realm", REALM, "frank");

        CliRun set = admin("new-secret\n", "set", "--realm", REALM, "frank");

        assertThat(set).isEqualTo(new CliRun(0, "updated frank@" + REALM + "\n", ""));
        String file = Files.readString(dir.resolve("credentials.yaml"));
        assertThat(file).contains(ClientDigest.h("SHA-256", "frank:" + REALM + ":new-secret"))
                .doesNotContain(ClientDigest.h("SHA-256", "frank:" + REALM + ":old-secret"))
                .doesNotContain("new-secret");
    }

    @Test
    void ha1sCanBeGivenInsteadOfAPassword() {
        String md5 = ClientDigest.h("MD5", "gina:" + REALM + ":pw");

        CliRun add = admin("", "add", "--realm", REALM, "--ha1", "MD5=" + md5, "gina");

        assertThat(add.code()).isZero();
        assertThat(listed()).containsPattern(row("gina", "yes", "MD5"));
    }

    @Test
    void listFollowsThePagesToTheEnd() {
        for (int i = 0; i < 3; i++) {
            admin("pw\n", "add", "--realm", "legacy.example.com", "page" + i);
        }

        CliRun list = admin("", "list", "--realm", "legacy.example.com");

        assertThat(list.out().lines()).hasSize(1 + 3 + 3); // header, the test file's three users, three added
    }

    @Test
    void serverRefusalsExitWith1AndTheServersMessage() {
        CliRun exists = admin("pw\n", "add", "--realm", REALM, "alice");
        CliRun missing = admin("", "remove", "--realm", REALM, "nobody");
        CliRun badHa1 = admin("", "add", "--realm", REALM, "--ha1", "MD5=XYZ", "hank");
        CliRun unknownRealm = admin("", "list", "--realm", "nowhere");

        assertThat(exists).isEqualTo(new CliRun(1, "", "admin user add: user 'alice' already exists in realm '" + REALM
                + "'; PATCH it to change it (HTTP 409 user_exists)\n"));
        assertThat(missing.err()).isEqualTo("admin user remove: no user 'nobody' in realm '" + REALM
                + "' (HTTP 404 user_not_found)\n");
        assertThat(badHa1.err()).contains("ha1.MD5: expected 32 lowercase hex digits (HTTP 400 invalid_field)");
        assertThat(unknownRealm.code()).isEqualTo(1);
        assertThat(unknownRealm.err()).contains("unknown_realm");
    }

    @Test
    void wrongTokenExitsWith1AndTheServersMessageButNeverTheToken() throws Exception {
        CliRun run = CliRun.run(command(""), "user", "list", "--url", url(), "--token-file", wrongTokenFile.toString(),
                "--realm", REALM);

        assertThat(run).isEqualTo(new CliRun(1, "", "admin user list: a valid admin token is required:"
                + " Authorization: Bearer <token> (HTTP 401 unauthorized)\n"));
        assertThat(run.err()).doesNotContain(Files.readString(wrongTokenFile));
    }

    @Test
    void tokenComesFromTheEnvironmentWithoutATokenFile() {
        AdminCommand withEnv = new AdminCommand(input(""), name -> name.equals("AUTHD_ADMIN_TOKEN") ? TestServer.ADMIN_TOKEN : null);

        CliRun run = CliRun.run(withEnv, "user", "list", "--url", url(), "--realm", REALM);

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("alice");
    }

    @Test
    void missingTokenIsAUsageError() {
        CliRun run = CliRun.run(command(""), "user", "list", "--url", url(), "--realm", REALM);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no admin token: set $AUTHD_ADMIN_TOKEN or give --token-file");
    }

    @Test
    void unreachableServerExitsWith1() {
        CliRun run = CliRun.run(command(""), "user", "list", "--url", "http://127.0.0.1:1", "--token-file",
                tokenFile.toString(), "--realm", REALM);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("admin user list: cannot reach http://127.0.0.1:1");
    }

    @Test
    void invalidUsernameIsRefusedBeforeAskingForAPassword() {
        PasswordInput mustNotBeAsked = prompt -> {
            throw new AssertionError("asked for a password");
        };

        CliRun run = CliRun.run(new AdminCommand(mustNotBeAsked, name -> null), "user", "add", "--url", url(),
                "--token-file", tokenFile.toString(), "--realm", REALM, "bad\"name");

        assertThat(run).isEqualTo(new CliRun(1, "", "admin user add: username must not contain '\"'\n"));
    }

    @Test
    void noPasswordOnStandardInputFailsWithoutCallingTheServer() {
        CliRun run = admin("", "add", "--realm", REALM, "ivan");

        assertThat(run).isEqualTo(new CliRun(1, "", "admin user add: no password on standard input\n"));
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(CliRun.run(command(""), "user").code()).isEqualTo(2);
        assertThat(CliRun.run(command(""), "user", "add", "--token-file", tokenFile.toString(), "alice").code())
                .as("--realm missing").isEqualTo(2);
        assertThat(CliRun.run(command(""), "user", "list", "--url", "ftp://x", "--token-file", tokenFile.toString(),
                "--realm", REALM).code()).isEqualTo(2);
    }

    /** A line of the user table, whatever the column widths. */
    private static String row(String user, String enabled, String algorithms) {
        return "(?m)^" + java.util.regex.Pattern.quote(REALM) + " +" + user + " +" + enabled + " +" + algorithms + "$";
    }

    private static String listed() {
        CliRun list = admin("", "list", "--realm", REALM);
        assertThat(list.code()).isZero();
        return list.out();
    }

    @Test
    void apikeyCreatePrintsTheKeyOnceListShowsItsIdAndRevokeDeletesIt() {
        String[] to = {"--url", url(), "--token-file", tokenFile.toString(), "--realm", REALM};

        CliRun create = CliRun.run(command(""), concat(new String[] {"apikey", "create", "--scope", "read"}, to));
        String id = create.out().substring(3, 19);
        CliRun list = CliRun.run(command(""), concat(new String[] {"apikey", "list"}, to));
        CliRun revoke = CliRun.run(command(""), concat(new String[] {"apikey", "revoke", id}, to));
        CliRun again = CliRun.run(command(""), concat(new String[] {"apikey", "revoke", id}, to));

        assertThat(create.code()).isZero();
        assertThat(create.out()).matches("ak_[0-9a-f]{16}_[A-Za-z0-9_-]{43}\n");
        assertThat(list.out()).contains(REALM + "\t" + id + "\tread\tnever").doesNotContain(create.out().strip());
        assertThat(revoke.out()).isEqualTo("revoked API key " + id + " in realm " + REALM + "\n");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("apikey_not_found");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static CliRun admin(String stdin, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("user", args[0], "--url", url(), "--token-file", tokenFile.toString()));
        all.addAll(List.of(args).subList(1, args.length));
        return CliRun.run(command(stdin), all.toArray(String[]::new));
    }

    private static AdminCommand command(String stdin) {
        return new AdminCommand(input(stdin), name -> null);
    }

    private static PasswordInput input(String stdin) {
        return new StreamPasswordInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    private static String url() {
        return "http://127.0.0.1:" + server.managementPort();
    }
}
