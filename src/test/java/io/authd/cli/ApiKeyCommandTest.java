package io.authd.cli;

import io.authd.credentials.ApiKey;
import io.authd.credentials.ApiKeyTokens;
import io.authd.credentials.CredentialFile;
import io.authd.credentials.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code authd apikey}: the key is printed once and only its hash reaches the file; revoke deletes it. */
class ApiKeyCommandTest {
    @TempDir
    Path dir;

    private CliRun apikey(String... args) {
        return CliRun.run(new ApiKeyCommand(), args);
    }

    @Test
    void createPrintsTheKeyOnceAndStoresOnlyItsHashWithScopesAndExpiry() throws Exception {
        Path file = dir.resolve("credentials.yaml");

        CliRun create = apikey("create", "-f", file.toString(), "--realm", "api.example.com", "--scope", "read",
                "--scope", "write", "--expires", "2027-01-01T00:00:00Z");

        assertThat(create.code()).isZero();
        String token = create.out().strip();
        ApiKeyTokens.Presented presented = ApiKeyTokens.parse(token).orElseThrow();
        String text = Files.readString(file);
        assertThat(text).contains(presented.id()).doesNotContain(presented.secret());
        ApiKey stored = ((LoadResult.Loaded) CredentialFile.load(file)).snapshot()
                .findApiKey("api.example.com", presented.id()).orElseThrow();
        assertThat(ApiKeyTokens.matches(stored, presented)).isTrue();
        assertThat(stored.scopes()).isEqualTo(List.of("read", "write"));
        assertThat(stored.expiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void listShowsIdsAndNeverSecretsAndRevokeDeletesTheKey() {
        Path file = dir.resolve("credentials.yaml");
        String token = apikey("create", "-f", file.toString(), "--realm", "r").out().strip();
        String id = ApiKeyTokens.parse(token).orElseThrow().id();

        CliRun list = apikey("list", "-f", file.toString());
        CliRun revoke = apikey("revoke", "-f", file.toString(), "--realm", "r", id);
        CliRun again = apikey("revoke", "-f", file.toString(), "--realm", "r", id);

        assertThat(list.out()).contains("r\t" + id + "\t\tnever").doesNotContain(token.substring(20));
        assertThat(revoke).isEqualTo(new CliRun(0, "revoked API key " + id + " in realm r\n", ""));
        assertThat(again.code()).isEqualTo(Cli.FAILED);
        assertThat(((LoadResult.Loaded) CredentialFile.load(file)).snapshot().apiKeys()).isEmpty();
    }

    @Test
    void scopeThatIsNoScopeTokenIsRefusedBeforeAnythingIsWritten() {
        Path file = dir.resolve("credentials.yaml");

        CliRun create = apikey("create", "-f", file.toString(), "--realm", "r", "--scope", "a b");

        assertThat(create.code()).isEqualTo(Cli.FAILED);
        assertThat(create.err()).contains("scope 'a b' is not a scope token");
        assertThat(Files.exists(file)).isFalse();
    }
}
