package io.authd.credentials;

import io.authd.digest.HashFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.authd.credentials.CredentialFileLoadTest.loaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CredentialFileEditTest {
    @TempDir
    Path dir;

    @Test
    void editCreatesAMissingFileWithTheHeader() throws IOException {
        Path file = dir.resolve("credentials.yaml");

        EditResult<AddResult> result = add(file, "alice");

        assertThat(result).isInstanceOf(EditResult.Edited.class);
        assertThat(Files.readString(file)).startsWith(CredentialYaml.HEADER).doesNotContain("pw");
        assertThat(loaded(file).find("example.com", "alice")).isPresent();
    }

    @Test
    void refusedOrEmptyChangeLeavesTheFileUnwritten() {
        Path file = dir.resolve("credentials.yaml");

        EditResult<RemoveResult> result = CredentialFile.edit(file, s -> CredentialEditor.remove(s, "r", "nobody"));

        assertThat(result).isEqualTo(new EditResult.Edited<>(new RemoveResult(CredentialSnapshot.EMPTY, false)));
        assertThat(file).doesNotExist();
    }

    @Test
    void brokenFileIsNeverOverwritten() throws IOException {
        Path file = Fixtures.write(dir.resolve("credentials.yaml"), "version: 2\n");

        EditResult<AddResult> result = add(file, "alice");

        assertThat(result).isEqualTo(new EditResult.Failed<>(file + ": version: expected 1, got 2; realms: missing;"
                + " expected a mapping of realm names"));
        assertThat(Files.readString(file)).isEqualTo("version: 2\n");
    }

    @Test
    void concurrentAddersInOneProcessLoseNoUpdate() throws Exception {
        Path file = dir.resolve("credentials.yaml");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String prefix : List.of("a", "b")) {
                done.add(pool.submit(() -> IntStream.range(0, 40).forEach(i -> add(file, prefix + "-" + i))));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(loaded(file).userCount()).isEqualTo(80);
    }

    @Test
    void concurrentAddersInTwoProcessesLoseNoUpdate() throws Exception {
        Path file = dir.resolve("credentials.yaml");
        List<Process> processes = new ArrayList<>();
        for (String prefix : List.of("p", "q")) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ConcurrentAdder.class.getName(),
                    file.toString(), prefix, "25").redirectErrorStream(true).start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        }

        CredentialSnapshot snapshot = loaded(file);
        assertThat(snapshot.userCount()).isEqualTo(50);
        assertThat(snapshot.find("race", "p-24")).isPresent();
        assertThat(snapshot.find("race", "q-24")).isPresent();
    }

    @Test
    void leftoverTempFileFromACrashDoesNotAffectTheRealFile() throws IOException {
        Path file = dir.resolve("credentials.yaml");
        add(file, "alice");
        String before = Files.readString(file);
        Path leftover = Fixtures.write(dir.resolve(".credentials.yaml.12345.tmp"), before.substring(0, before.length() / 2));

        assertThat(loaded(file).find("example.com", "alice")).isPresent();
        add(file, "bob");

        assertThat(loaded(file).users()).extracting(UserCredentials::username).containsExactly("alice", "bob");
        assertThat(leftover).exists();
    }

    @Test
    void changeThatThrowsLeavesTheFileIntactAndReleasesTheLock() throws IOException {
        Path file = dir.resolve("credentials.yaml");
        add(file, "alice");
        String before = Files.readString(file);

        assertThatIllegalStateException().isThrownBy(() -> CredentialFile.edit(file, s -> {
            throw new IllegalStateException("bug in an edit");
        }));

        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(add(file, "bob")).isInstanceOf(EditResult.Edited.class);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "credentials.yaml", "credentials.yaml.lock");
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void newFileIsOwnerOnlyAndAnExistingFileKeepsItsPermissions() throws IOException {
        Path file = dir.resolve("credentials.yaml");
        add(file, "alice");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        add(file, "bob");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void editThroughASymlinkEditsTheTargetAndKeepsTheLink() throws IOException {
        Path real = dir.resolve("real.yaml");
        add(real, "alice");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real);

        add(link, "bob");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(loaded(real).userCount()).isEqualTo(2);
    }

    @Test
    void writtenHa1sAreTheOnesComputedFromThePassword() {
        Path file = dir.resolve("credentials.yaml");
        CredentialFile.edit(file, s -> CredentialEditor.addOrUpdate(s, "testrealm@host.com", "Mufasa", "Circle Of Life", true));

        assertThat(loaded(file).find("testrealm@host.com", "Mufasa").orElseThrow().ha1(HashFunction.MD5))
                .isEqualTo(Fixtures.MUFASA_MD5_HA1);
    }

    private static EditResult<AddResult> add(Path file, String username) {
        return CredentialFile.edit(file, s -> CredentialEditor.addOrUpdate(s, "example.com", username, "pw", true));
    }
}
