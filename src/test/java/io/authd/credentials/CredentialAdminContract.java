package io.authd.credentials;

import io.authd.digest.HashFunction;
import io.vertx.core.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.authd.credentials.CredentialStoreContract.await;
import static io.authd.digest.HashFunction.MD5;
import static io.authd.digest.HashFunction.SHA_256;
import static io.authd.digest.HashFunction.SHA_512_256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every writable store does with admin writes, seen through the admin answers and through the lookups that
 * verification uses. A subclass opens an empty store; the cases run unchanged against each.
 */
abstract class CredentialAdminContract {
    private static final String REALM = "testrealm@host.com";
    private static final Map<HashFunction, String> OLD_HA1S = Map.of(MD5, "1".repeat(32), SHA_256, "2".repeat(64));
    private static final UserCredentials ALICE = new UserCredentials(REALM, "alice", OLD_HA1S, true);

    /** What a subclass opens: {@code admin} writes the users that {@code store} reads. */
    protected record Opened(CredentialStore store, CredentialAdmin admin) {
    }

    private CredentialStore store;
    private CredentialAdmin admin;

    /** A writable store without users. */
    protected abstract Opened openEmpty();

    @BeforeEach
    void open() {
        Opened opened = openEmpty();
        store = opened.store();
        admin = opened.admin();
    }

    @Test
    void aCreatedUserIsGotListedAndFound() {
        UserEntry entry = new UserEntry(REALM, "alice", true, Set.of(MD5, SHA_256));

        assertThat(await(admin.create(ALICE))).isEqualTo(new WriteResult.Created(entry));
        assertThat(await(admin.get(REALM, "alice"))).contains(entry);
        assertThat(await(admin.list(REALM, null, 10))).containsExactly(entry);
        assertThat(await(store.findByUsername(REALM, "alice"))).contains(ALICE);
    }

    @Test
    void creatingAnExistingUserAnswersAlreadyExistsAndKeepsTheFirst() {
        await(admin.create(ALICE));

        WriteResult again = await(admin.create(new UserCredentials(REALM, "alice", Map.of(MD5, "9".repeat(32)), false)));

        assertThat(again).isEqualTo(new WriteResult.AlreadyExists());
        assertThat(await(store.findByUsername(REALM, "alice"))).contains(ALICE);
    }

    @Test
    void newHa1sReplaceEveryOldOne() {
        await(admin.create(ALICE));

        WriteResult updated = await(admin.update(REALM, "alice", new UserChange(Map.of(SHA_512_256, "3".repeat(64)), null)));

        assertThat(updated).isEqualTo(new WriteResult.Updated(new UserEntry(REALM, "alice", true, Set.of(SHA_512_256))));
        assertThat(await(store.findByUsername(REALM, "alice"))).contains(
                new UserCredentials(REALM, "alice", Map.of(SHA_512_256, "3".repeat(64)), true));
    }

    @Test
    void disablingAUserKeepsItsHa1sAndLookupsSeeItDisabled() {
        await(admin.create(ALICE));

        WriteResult updated = await(admin.update(REALM, "alice", new UserChange(null, false)));

        assertThat(updated).isEqualTo(new WriteResult.Updated(new UserEntry(REALM, "alice", false, Set.of(MD5, SHA_256))));
        assertThat(await(store.findByUsername(REALM, "alice")))
                .contains(new UserCredentials(REALM, "alice", OLD_HA1S, false));
    }

    @Test
    void aDeletedUserIsGoneAndDeletingItAgainIsNotFound() {
        await(admin.create(ALICE));

        assertThat(await(admin.delete(REALM, "alice"))).isEqualTo(new WriteResult.Deleted());

        assertThat(await(admin.get(REALM, "alice"))).isEmpty();
        assertThat(await(store.findByUsername(REALM, "alice"))).isEmpty();
        assertThat(await(admin.delete(REALM, "alice"))).isEqualTo(new WriteResult.NotFound());
    }

    @Test
    void changingAnUnknownUserIsNotFound() {
        await(admin.create(ALICE));

        assertThat(await(admin.update(REALM, "Alice", new UserChange(null, false)))).isEqualTo(new WriteResult.NotFound());
        assertThat(await(admin.update("other.example.com", "alice", new UserChange(null, false))))
                .isEqualTo(new WriteResult.NotFound());
        assertThat(await(admin.get(REALM, "Alice"))).isEmpty();
    }

    /** Pages in username order (as Java compares strings: "Bob" before "alice"), each after the last one seen. */
    @Test
    void listPagesThroughTheRealmInUsernameOrder() {
        for (String name : List.of("carol", "alice", "Bob", "dave", "Erin")) {
            await(admin.create(new UserCredentials(REALM, name, Map.of(MD5, "1".repeat(32)), true)));
        }
        await(admin.create(new UserCredentials("other.example.com", "aaron", Map.of(MD5, "1".repeat(32)), true)));

        List<String> first = names(admin.list(REALM, null, 2));
        List<String> second = names(admin.list(REALM, first.getLast(), 2));
        List<String> third = names(admin.list(REALM, second.getLast(), 2));

        assertThat(first).containsExactly("Bob", "Erin");
        assertThat(second).containsExactly("alice", "carol");
        assertThat(third).containsExactly("dave");
        assertThat(names(admin.list(REALM, "dave", 2))).isEmpty();
    }

    private static List<String> names(Future<List<UserEntry>> page) {
        return await(page).stream().map(UserEntry::username).toList();
    }
}
