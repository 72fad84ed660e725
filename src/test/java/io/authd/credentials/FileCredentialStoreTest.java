package io.authd.credentials;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.authd.digest.HashFunction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.authd.credentials.Fixtures.MUFASA_MD5_HA1;
import static io.authd.credentials.Fixtures.mufasaFile;
import static io.authd.credentials.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(VertxExtension.class)
class FileCredentialStoreTest {
    private static final String REALM = "testrealm@host.com";
    private static final String SIMBA_HA1 = "5".repeat(32);
    private static final Duration LONG = Duration.ofHours(1); // for tests that reload by hand

    @TempDir
    Path dir;
    private Path file;
    private FileCredentialStore store;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void openStore() {
        file = Fixtures.write(dir.resolve("credentials.yaml"), mufasaFile(""));
        store = FileCredentialStore.open(file);
        log.start();
        logger().addAppender(log);
    }

    @AfterEach
    void stopStore() {
        store.stop();
        logger().detachAppender(log);
    }

    @Test
    void openFailsWithTheLoadMessageWhenTheFileIsBroken() {
        Path broken = Fixtures.write(dir.resolve("broken.yaml"), "version: 2\nrealms: {}\n");

        assertThatIllegalStateException().isThrownBy(() -> FileCredentialStore.open(broken))
                .withMessage(broken + ": version: expected 1, got 2");
        assertThatIllegalStateException().isThrownBy(() -> FileCredentialStore.open(dir.resolve("absent.yaml")))
                .withMessageEndingWith("absent.yaml: file not found");
    }

    @Test
    void lookupsAnswerAtOnceFromTheLoadedFile() {
        Future<Optional<UserCredentials>> byName = store.findByUsername(REALM, "Mufasa");
        String userhash = io.authd.digest.DigestHasher.current().userhash(HashFunction.MD5, "Mufasa", REALM);

        assertThat(store.ready()).isTrue();
        assertThat(byName.isComplete()).isTrue();
        assertThat(byName.result().orElseThrow().ha1(HashFunction.MD5)).isEqualTo(MUFASA_MD5_HA1);
        assertThat(store.findByUsername(REALM, "mufasa").result()).isEmpty();
        assertThat(store.findByUserhash(REALM, HashFunction.MD5, userhash).result()).isPresent();
    }

    @Test
    @Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
    void changedFileIsPickedUpByThePeriodicCheck(Vertx vertx, VertxTestContext test) {
        store.start(vertx, Duration.ofMillis(20));

        Fixtures.write(file, mufasaFile(user("Simba", SIMBA_HA1)));

        vertx.setPeriodic(10, id -> store.findByUsername(REALM, "Simba").onSuccess(simba -> {
            if (simba.isPresent()) {
                vertx.cancelTimer(id);
                test.completeNow();
            }
        }));
    }

    @Test
    void unchangedFileIsNotParsedAgain(Vertx vertx) throws Exception {
        store.start(vertx, LONG);

        assertThat(await(store.reloadNow())).isEqualTo(new ReloadResult.Unchanged());
    }

    @Test
    void brokenFileKeepsLastGoodSnapshotInService(Vertx vertx) throws Exception {
        store.start(vertx, LONG);

        Fixtures.write(file, mufasaFile(user("Simba", "not hex")));
        ReloadResult result = await(store.reloadNow());

        assertThat(result).isEqualTo(new ReloadResult.Rejected(
                file + ": realms.testrealm@host.com.Simba.ha1.MD5: expected 32 lowercase hex digits"));
        assertThat(store.findByUsername(REALM, "Mufasa").result()).isPresent();
        assertThat(store.findByUsername(REALM, "Simba").result()).isEmpty();
    }

    @Test
    void fixedFileIsReloadedAfterABrokenOne(Vertx vertx) throws Exception {
        store.start(vertx, LONG);
        Fixtures.write(file, "version: 1\nrealms: [\n");
        await(store.reloadNow());

        Fixtures.write(file, mufasaFile(user("Simba", SIMBA_HA1)));

        assertThat(await(store.reloadNow())).isEqualTo(new ReloadResult.Reloaded(1, 2));
        assertThat(store.findByUsername(REALM, "Simba").result()).isPresent();
    }

    @Test
    void brokenFileIsLoggedOnceAtWarnWithoutHa1s(Vertx vertx) throws Exception {
        store.start(vertx, LONG);
        String almostHa1 = MUFASA_MD5_HA1.toUpperCase();
        Fixtures.write(file, mufasaFile(user("Simba", almostHa1)));

        await(store.reloadNow());
        await(store.reloadNow());
        Files.delete(file);
        await(store.reloadNow());
        await(store.reloadNow());

        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(2)
                .allSatisfy(m -> assertThat(m).doesNotContainIgnoringCase(almostHa1))
                .anySatisfy(m -> assertThat(m).contains("Simba.ha1.MD5: expected 32 lowercase hex digits"))
                .anySatisfy(m -> assertThat(m).contains("file not found"));
    }

    @Test
    void successfulReloadIsLoggedAtInfoWithCounts(Vertx vertx) throws Exception {
        store.start(vertx, LONG);
        Fixtures.write(file, mufasaFile(user("Simba", SIMBA_HA1)));

        await(store.reloadNow());

        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.INFO)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("reloaded credentials from " + file + " (realms: 1, users: 2)");
    }

    @Test
    void sameSizeEditWithTheSameModificationTimeIsDetected(Vertx vertx) throws Exception {
        store.start(vertx, LONG);
        FileTime before = Files.getLastModifiedTime(file);
        long size = Files.size(file);

        Fixtures.write(file, mufasaFile("").replace(MUFASA_MD5_HA1, SIMBA_HA1));
        Files.setLastModifiedTime(file, before);

        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(await(store.reloadNow())).isInstanceOf(ReloadResult.Reloaded.class);
        assertThat(store.findByUsername(REALM, "Mufasa").result().orElseThrow().ha1(HashFunction.MD5)).isEqualTo(SIMBA_HA1);
    }

    @Test
    void configMapStyleSymlinkSwapIsDetected(Vertx vertx) throws Exception {
        // Kubernetes mounts: file -> ..data/file, ..data -> ..<timestamp>; an update swaps ..data atomically.
        Path v1 = Files.createDirectory(dir.resolve("..v1"));
        Path v2 = Files.createDirectory(dir.resolve("..v2"));
        Fixtures.write(v1.resolve("users.yaml"), mufasaFile(""));
        Fixtures.write(v2.resolve("users.yaml"), mufasaFile(user("Simba", SIMBA_HA1)));
        Files.setLastModifiedTime(v2.resolve("users.yaml"), Files.getLastModifiedTime(v1.resolve("users.yaml")));
        Path data = Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
        Path mounted = Files.createSymbolicLink(dir.resolve("users.yaml"), Path.of("..data", "users.yaml"));
        FileCredentialStore configMap = FileCredentialStore.open(mounted);
        configMap.start(vertx, LONG);

        Path next = Files.createSymbolicLink(dir.resolve("..data_tmp"), v2.getFileName());
        Files.move(next, data, StandardCopyOption.ATOMIC_MOVE);

        assertThat(await(configMap.reloadNow())).isEqualTo(new ReloadResult.Reloaded(1, 2));
        configMap.stop();
    }

    @Test
    void reloadNowBeforeStartIsAFailedFuture() {
        assertThat(store.reloadNow().failed()).isTrue();
    }

    @Test
    @Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
    void stopCancelsThePeriodicCheck(Vertx vertx, VertxTestContext test) {
        store.start(vertx, Duration.ofMillis(10));
        store.stop();

        Fixtures.write(file, mufasaFile(user("Simba", SIMBA_HA1)));

        // Proving that nothing happens needs some waiting: 20 intervals.
        vertx.setTimer(200, id -> test.verify(() -> {
            assertThat(store.findByUsername(REALM, "Simba").result()).isEmpty();
            test.completeNow();
        }));
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(FileCredentialStore.class);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
