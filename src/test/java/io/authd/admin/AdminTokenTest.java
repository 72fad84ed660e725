package io.authd.admin;

import io.authd.config.AdminOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AdminTokenTest {
    /** echo -n 'abc' | sha256sum (FIPS 180-2 appendix B.1). */
    private static final String ABC_HASH = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void hashIsSha256OfTheUtf8BytesAsPrefixedLowercaseHex() {
        assertThat(AdminToken.hash("abc")).isEqualTo(ABC_HASH);
        assertThat(AdminOptions.isTokenHash(AdminToken.hash("ä"))).isTrue();
    }

    @Test
    void generatedTokensArePrefixedBase64url32BytesAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = AdminToken.generate();
            assertThat(token).startsWith(AdminToken.PREFIX).matches("authd_admin_[A-Za-z0-9_-]{43}");
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void tokenMatchesItsConfiguredHashAndNothingElse() {
        String token = AdminToken.generate();
        AdminToken configured = AdminToken.from(new AdminOptions(AdminToken.hash(token), null));

        assertThat(configured.enabled()).isTrue();
        assertThat(configured.matches(token)).isTrue();
        assertThat(configured.matches(token + " ")).isFalse();
        assertThat(configured.matches(token.substring(1))).isFalse();
        assertThat(configured.matches("")).isFalse();
        assertThat(configured.matches(AdminToken.hash(token))).as("the hash is not the token").isFalse();
    }

    @Test
    void withoutAHashTheAdminApiIsOffAndNothingMatches() {
        AdminToken off = AdminToken.from(AdminOptions.DEFAULTS);

        assertThat(off.enabled()).isFalse();
        assertThat(off.matches("")).isFalse();
        assertThat(AdminToken.disabled().matches("anything")).isFalse();
    }

    @Test
    void hashFileIsReadWithSurroundingWhitespaceStripped() throws Exception {
        Path file = Files.writeString(dir.resolve("admin-token-hash"), "  " + ABC_HASH + "\n\n");

        AdminToken fromFile = AdminToken.from(new AdminOptions(null, file));

        assertThat(fromFile.matches("abc")).isTrue();
    }

    @Test
    void hashFileWithoutAHashStopsTheStartNamingTheKeyButNotTheContent() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "authd_admin_secret-token-by-mistake\n");
        Path huge = Files.writeString(dir.resolve("huge"), ABC_HASH + " ".repeat(2000));

        assertThatIllegalStateException().isThrownBy(() -> AdminToken.from(new AdminOptions(null, token)))
                .withMessage("admin.tokenHashFile: " + token
                        + " must hold sha256: followed by 64 lowercase hex digits (authd admin-token prints one)");
        assertThatIllegalStateException().isThrownBy(() -> AdminToken.from(new AdminOptions(null, huge)))
                .withMessageStartingWith("admin.tokenHashFile: " + huge + " must hold");
    }

    @Test
    void missingHashFileStopsTheStartNamingTheKey() {
        Path absent = dir.resolve("absent");

        assertThatIllegalStateException().isThrownBy(() -> AdminToken.from(new AdminOptions(null, absent)))
                .withMessage("admin.tokenHashFile: cannot read " + absent + " (NoSuchFileException)");
    }

    @Test
    void uppercaseHashInAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("hash"), ABC_HASH.toUpperCase().replace("SHA256:", "sha256:"));

        assertThatIllegalStateException().isThrownBy(() -> AdminToken.from(new AdminOptions(null, file)))
                .withMessageContaining("admin.tokenHashFile");
    }
}
