package io.authd.credentials;

import io.authd.digest.HashFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.authd.credentials.Fixtures.MUFASA_MD5_HA1;
import static org.assertj.core.api.Assertions.assertThat;

class HtdigestImporterTest {
    private static final String ALICE_HA1 = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void goodFileIsParsedSkippingBlankLinesAndComments() {
        HtdigestParse parse = HtdigestImporter.parse("""
                # exported from Apache
                Mufasa:testrealm@host.com:%s

                   # indented comment
                alice:example.com:%s\r
                """.formatted(MUFASA_MD5_HA1, ALICE_HA1));

        assertThat(parse).isEqualTo(new HtdigestParse.Parsed(List.of(
                new HtdigestParse.Entry("Mufasa", "testrealm@host.com", MUFASA_MD5_HA1),
                new HtdigestParse.Entry("alice", "example.com", ALICE_HA1))));
    }

    @Test
    void malformedLinesAreAllReportedWithTheirNumbers() {
        HtdigestParse parse = HtdigestImporter.parse("""
                Mufasa:testrealm@host.com:%s
                bob:example.com
                carol:example.com:%s
                :example.com:%s
                Mufasa:testrealm@host.com:%s
                """.formatted(MUFASA_MD5_HA1, ALICE_HA1.toUpperCase(), ALICE_HA1, ALICE_HA1));

        assertThat(parse).isEqualTo(new HtdigestParse.Malformed(List.of(
                "line 2: expected user:realm:ha1, found 2 field(s) separated by ':'",
                "line 3: ha1: expected 32 lowercase hex digits",
                "line 4: username must not be empty",
                "line 5: user Mufasa in realm testrealm@host.com already on line 1")));
    }

    @Test
    void aFileOfGarbageReportsABoundedNumberOfProblems() {
        HtdigestParse parse = HtdigestImporter.parse("garbage\n".repeat(500));

        assertThat(((HtdigestParse.Malformed) parse).problems())
                .hasSize(HtdigestImporter.MAX_REPORTED + 1)
                .endsWith("and 480 more malformed lines");
    }

    @Test
    void importedUserGetsOnlyMd5AndReplacesAllHa1sButKeepsEnabledFlag() {
        CredentialSnapshot current = ((AddResult.Saved) CredentialEditor.addOrUpdate(CredentialSnapshot.EMPTY,
                "testrealm@host.com", "Mufasa", "an older password", false)).snapshot();
        List<HtdigestParse.Entry> entries = List.of(
                new HtdigestParse.Entry("Mufasa", "testrealm@host.com", MUFASA_MD5_HA1),
                new HtdigestParse.Entry("alice", "example.com", ALICE_HA1));

        ImportResult result = HtdigestImporter.apply(current, entries, null);

        assertThat(result.added()).isEqualTo(1);
        assertThat(result.replaced()).isEqualTo(1);
        UserCredentials mufasa = result.snapshot().find("testrealm@host.com", "Mufasa").orElseThrow();
        assertThat(mufasa.ha1()).containsExactlyEntriesOf(java.util.Map.of(HashFunction.MD5, MUFASA_MD5_HA1));
        assertThat(mufasa.enabled()).isFalse();
        assertThat(result.snapshot().find("example.com", "alice").orElseThrow().enabled()).isTrue();
    }

    @Test
    void realmFilterSkipsOtherRealms() {
        List<HtdigestParse.Entry> entries = List.of(
                new HtdigestParse.Entry("Mufasa", "testrealm@host.com", MUFASA_MD5_HA1),
                new HtdigestParse.Entry("alice", "example.com", ALICE_HA1));

        ImportResult result = HtdigestImporter.apply(CredentialSnapshot.EMPTY, entries, "example.com");

        assertThat(result).extracting(ImportResult::added, ImportResult::replaced, ImportResult::skipped)
                .containsExactly(1, 0, 1);
        assertThat(result.snapshot().users()).extracting(UserCredentials::username).containsExactly("alice");
    }

    @Test
    void unreadableFileIsReportedAsAProblem() {
        Path missing = dir.resolve("missing.htdigest");

        assertThat(HtdigestImporter.read(missing)).isEqualTo(new HtdigestParse.Malformed(List.of("file not found")));
    }

    @Test
    void importThroughTheFileLockWritesNothingWhenNothingMatches() {
        Path file = dir.resolve("credentials.yaml");
        List<HtdigestParse.Entry> entries = List.of(new HtdigestParse.Entry("a", "r", ALICE_HA1));

        EditResult<ImportResult> result = CredentialFile.edit(file, s -> HtdigestImporter.apply(s, entries, "other"));

        assertThat(((EditResult.Edited<ImportResult>) result).change().skipped()).isEqualTo(1);
        assertThat(file).doesNotExist();
    }
}
