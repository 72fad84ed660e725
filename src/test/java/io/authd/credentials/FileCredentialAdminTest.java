package io.authd.credentials;

import io.authd.digest.HashFunction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.authd.credentials.CredentialFileLoadTest.loaded;
import static io.authd.credentials.Fixtures.MUFASA_MD5_HA1;
import static io.authd.credentials.Fixtures.SHA256_HA1;
import static io.authd.credentials.Fixtures.mufasaFile;
import static org.assertj.core.api.Assertions.assertThat;

/** The file store's write side: {@link CredentialAdmin} over the credentials file. */
@ExtendWith(VertxExtension.class)
class FileCredentialAdminTest {
    private static final String REALM = "testrealm@host.com";
    private static final Duration LONG = Duration.ofHours(1); // no periodic check gets in the way

    @TempDir
    Path dir;
    private Path file;
    private FileCredentialStore store;

    @BeforeEach
    void openStore(Vertx vertx) {
        file = Fixtures.write(dir.resolve("credentials.yaml"), mufasaFile(""));
        store = FileCredentialStore.open(file);
        store.start(vertx, LONG);
    }

    @AfterEach
    void stopStore() {
        store.stop();
    }

    @Test
    void createdUserIsServedAtOnceAndWrittenToTheFile() throws Exception {
        WriteResult result = await(store.create(user("Simba", true)));

        assertThat(result).isEqualTo(new WriteResult.Created(new UserEntry(REALM, "Simba", true, EnumSet.of(HashFunction.SHA_256))));
        assertThat(store.findByUsername(REALM, "Simba").result()).contains(user("Simba", true));
        assertThat(loaded(file).find(REALM, "Simba")).contains(user("Simba", true));
        assertThat(loaded(file).find(REALM, "Mufasa")).isPresent();
    }

    @Test
    void createOfAnExistingUserIsAlreadyExistsAndLeavesTheFileAlone() throws Exception {
        String before = Files.readString(file);

        WriteResult result = await(store.create(new UserCredentials(REALM, "Mufasa", Map.of(HashFunction.SHA_256, SHA256_HA1), true)));

        assertThat(result).isEqualTo(new WriteResult.AlreadyExists());
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(store.findByUsername(REALM, "Mufasa").result().orElseThrow().ha1(HashFunction.MD5)).isEqualTo(MUFASA_MD5_HA1);
    }

    @Test
    void updateAppliesTheChangeAndIsServedAtOnce() throws Exception {
        WriteResult disabled = await(store.update(REALM, "Mufasa", new UserChange(null, false)));
        WriteResult rekeyed = await(store.update(REALM, "Mufasa", new UserChange(Map.of(HashFunction.SHA_256, SHA256_HA1), null)));

        assertThat(disabled).isEqualTo(new WriteResult.Updated(new UserEntry(REALM, "Mufasa", false, EnumSet.of(HashFunction.MD5))));
        assertThat(rekeyed).isEqualTo(new WriteResult.Updated(new UserEntry(REALM, "Mufasa", false, EnumSet.of(HashFunction.SHA_256))));
        UserCredentials served = store.findByUsername(REALM, "Mufasa").result().orElseThrow();
        assertThat(served).isEqualTo(new UserCredentials(REALM, "Mufasa", Map.of(HashFunction.SHA_256, SHA256_HA1), false));
        assertThat(loaded(file).find(REALM, "Mufasa")).contains(served);
    }

    @Test
    void updateAndDeleteOfAnUnknownUserAreNotFoundAndWriteNothing() throws Exception {
        String before = Files.readString(file);

        assertThat(await(store.update(REALM, "Simba", new UserChange(null, false)))).isEqualTo(new WriteResult.NotFound());
        assertThat(await(store.delete(REALM, "Simba"))).isEqualTo(new WriteResult.NotFound());
        assertThat(await(store.delete("other realm", "Mufasa"))).isEqualTo(new WriteResult.NotFound());
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void deletedUserIsGoneAtOnceAndFromTheFile() throws Exception {
        assertThat(await(store.delete(REALM, "Mufasa"))).isEqualTo(new WriteResult.Deleted());

        assertThat(store.findByUsername(REALM, "Mufasa").result()).isEmpty();
        assertThat(await(store.get(REALM, "Mufasa"))).isEmpty();
        assertThat(loaded(file).find(REALM, "Mufasa")).isEmpty();
    }

    @Test
    void getShowsTheUserWithoutHa1s() throws Exception {
        assertThat(await(store.get(REALM, "Mufasa"))).contains(new UserEntry(REALM, "Mufasa", true, EnumSet.of(HashFunction.MD5)));
        assertThat(await(store.get(REALM, "mufasa"))).isEmpty();
    }

    @Test
    void listPagesThroughOneRealmInUsernameOrder() throws Exception {
        for (String name : List.of("dave", "bob", "carol", "alice")) {
            await(store.create(user(name, true)));
        }
        await(store.create(new UserCredentials("a-realm", "zed", Map.of(HashFunction.MD5, MUFASA_MD5_HA1), true)));
        await(store.create(new UserCredentials("z-realm", "aaron", Map.of(HashFunction.MD5, MUFASA_MD5_HA1), true)));

        assertThat(names(store.list(REALM, null, 2))).containsExactly("Mufasa", "alice");
        assertThat(names(store.list(REALM, "alice", 2))).containsExactly("bob", "carol");
        assertThat(names(store.list(REALM, "carol", 2))).containsExactly("dave");
        assertThat(names(store.list(REALM, "dave", 2))).isEmpty();
        assertThat(names(store.list(REALM, "b", 10))).as("the cursor need not be a user").containsExactly("bob", "carol", "dave");
        assertThat(names(store.list("no such realm", null, 10))).isEmpty();
    }

    @Test
    void fileIsReplacedWholeWithNoTemporaryFileLeftBehind() throws Exception {
        await(store.create(user("Simba", true)));
        await(store.delete(REALM, "Simba"));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("credentials.yaml",
                    "credentials.yaml.lock");
        }
        assertThat(Files.readString(file)).startsWith(CredentialYaml.HEADER);
    }

    @Test
    void brokenFileFailsTheWriteAndKeepsServingTheLastGoodUsers() throws Exception {
        Fixtures.write(file, "version: 2\n");

        Future<WriteResult> write = store.create(user("Simba", true));

        assertThat(awaitFailure(write)).hasMessageContaining("version: expected 1, got 2");
        assertThat(Files.readString(file)).isEqualTo("version: 2\n");
        assertThat(store.findByUsername(REALM, "Mufasa").result()).isPresent();
        assertThat(store.findByUsername(REALM, "Simba").result()).isEmpty();
    }

    @Test
    void aWriteByAnotherProcessAfterAnAdminWriteIsPickedUpByTheNextCheck() throws Exception {
        await(store.create(user("Simba", true)));

        CredentialFile.edit(file, current -> CredentialEditor.addOrUpdate(current, REALM, "Nala", "pw", true));
        await(store.reloadNow());

        assertThat(store.findByUsername(REALM, "Simba").result()).isPresent();
        assertThat(store.findByUsername(REALM, "Nala").result()).isPresent();
    }

    @Test
    void writesBeforeStartAreFailedFutures() {
        FileCredentialStore notStarted = FileCredentialStore.open(file);

        assertThat(notStarted.create(user("Simba", true)).failed()).isTrue();
        assertThat(notStarted.delete(REALM, "Mufasa").failed()).isTrue();
    }

    private static UserCredentials user(String name, boolean enabled) {
        return new UserCredentials(REALM, name, Map.of(HashFunction.SHA_256, SHA256_HA1), enabled);
    }

    private static List<String> names(Future<List<UserEntry>> page) throws Exception {
        return await(page).stream().map(UserEntry::username).toList();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Throwable awaitFailure(Future<?> future) throws Exception {
        try {
            await(future);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the write to fail");
    }
}
