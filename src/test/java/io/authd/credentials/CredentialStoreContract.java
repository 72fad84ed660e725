package io.authd.credentials;

import io.authd.digest.HashFunction;
import io.authd.testing.ClientDigest;
import io.vertx.core.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.authd.credentials.Fixtures.JASON;
import static io.authd.credentials.Fixtures.JASON_REALM;
import static io.authd.credentials.Fixtures.JASON_SHA512_256_USERHASH;
import static io.authd.credentials.Fixtures.MUFASA_MD5_HA1;
import static io.authd.digest.HashFunction.MD5;
import static io.authd.digest.HashFunction.SHA_256;
import static io.authd.digest.HashFunction.SHA_512_256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link CredentialStore} answers for the same users: a subclass builds a store holding exactly
 * {@link #USERS}, and the cases run unchanged against each. Userhashes are computed here with plain
 * MessageDigest ({@link ClientDigest}), not with the code under test.
 */
abstract class CredentialStoreContract {
    static final String REALM = "testrealm@host.com";
    static final String OTHER_REALM = "other.example.com";

    /** RFC 2617 §3.5: an MD5 HA1 only, as an imported htdigest file gives. */
    static final UserCredentials MUFASA = new UserCredentials(REALM, "Mufasa", Map.of(MD5, MUFASA_MD5_HA1), true);
    static final UserCredentials ALICE = new UserCredentials(REALM, "alice",
            Map.of(MD5, "1".repeat(32), SHA_256, "2".repeat(64), SHA_512_256, "3".repeat(64)), true);
    /** Another user than alice: usernames compare exactly. */
    static final UserCredentials CAPITAL_ALICE = new UserCredentials(REALM, "Alice", Map.of(MD5, "4".repeat(32)), true);
    static final UserCredentials ALICE_ELSEWHERE = new UserCredentials(OTHER_REALM, "alice",
            Map.of(MD5, "5".repeat(32)), true);
    static final UserCredentials DISABLED_BOB = new UserCredentials(REALM, "bob", Map.of(MD5, "6".repeat(32)), false);
    /** The user of RFC 7616 §3.9.2. */
    static final UserCredentials JASON_DOE = new UserCredentials(JASON_REALM, JASON,
            Map.of(SHA_256, "7".repeat(64), SHA_512_256, "8".repeat(64)), true);
    static final List<UserCredentials> USERS =
            List.of(MUFASA, ALICE, CAPITAL_ALICE, ALICE_ELSEWHERE, DISABLED_BOB, JASON_DOE);

    private CredentialStore store;

    /** A store holding exactly {@code users}, ready to answer. */
    protected abstract CredentialStore storeHolding(List<UserCredentials> users);

    @BeforeEach
    void openStore() {
        store = storeHolding(USERS);
    }

    @Test
    void aUserIsFoundByUsernameWithItsHa1s() {
        assertThat(byName(REALM, "Mufasa")).contains(MUFASA);
        assertThat(byName(REALM, "alice")).contains(ALICE);
        assertThat(store.ready()).isTrue();
    }

    @Test
    void usernamesAreCaseSensitive() {
        assertThat(byName(REALM, "Alice")).contains(CAPITAL_ALICE);
        assertThat(byName(REALM, "ALICE")).isEmpty();
        assertThat(byName(REALM, "mufasa")).isEmpty();
    }

    @Test
    void anUnknownUserIsEmptyNotAFailure() {
        Future<Optional<UserCredentials>> lookup = store.findByUsername(REALM, "nobody");

        assertThat(await(lookup)).isEmpty();
        assertThat(lookup.succeeded()).isTrue();
    }

    @Test
    void aUserOfAnotherRealmIsNotFound() {
        assertThat(byName(OTHER_REALM, "Mufasa")).isEmpty();
        assertThat(byName(OTHER_REALM, "alice")).contains(ALICE_ELSEWHERE);
        assertThat(byName("unknown.example.com", "alice")).isEmpty();
    }

    @Test
    void disabledUserIsFoundButNotEnabled() {
        assertThat(byName(REALM, "bob")).hasValueSatisfying(bob -> {
            assertThat(bob.enabled()).isFalse();
            assertThat(bob.ha1(MD5)).isEqualTo("6".repeat(32));
        });
    }

    @Test
    void aUserWithOnlyAnMd5Ha1HasNoOtherHa1() {
        UserCredentials mufasa = byName(REALM, "Mufasa").orElseThrow();

        assertThat(mufasa.ha1(MD5)).isEqualTo(MUFASA_MD5_HA1);
        assertThat(mufasa.ha1(SHA_256)).isNull();
        assertThat(mufasa.ha1(SHA_512_256)).isNull();
    }

    @ParameterizedTest
    @EnumSource(HashFunction.class)
    void aUserIsFoundByItsUserhashForEachHashFunction(HashFunction hash) {
        String userhash = ClientDigest.h(hash.token(), "alice:" + REALM);

        assertThat(byUserhash(REALM, hash, userhash)).contains(ALICE);
        assertThat(byUserhash(OTHER_REALM, hash, userhash)).as("the userhash covers the realm").isEmpty();
    }

    @Test
    void aUserhashFindsOnlyTheUserItHashes() {
        assertThat(byUserhash(REALM, MD5, ClientDigest.h("MD5", "Alice:" + REALM))).contains(CAPITAL_ALICE);
        assertThat(byUserhash(REALM, MD5, ClientDigest.h("MD5", "nobody:" + REALM))).isEmpty();
        assertThat(byUserhash(REALM, SHA_256, ClientDigest.h("MD5", "alice:" + REALM))).isEmpty();
    }

    @Test
    void aUnicodeUsernameIsFoundByNameAndByTheRfc7616Userhash() {
        assertThat(byName(JASON_REALM, JASON)).contains(JASON_DOE);
        assertThat(byUserhash(JASON_REALM, SHA_512_256, JASON_SHA512_256_USERHASH)).contains(JASON_DOE);
    }

    private Optional<UserCredentials> byName(String realm, String username) {
        return await(store.findByUsername(realm, username));
    }

    private Optional<UserCredentials> byUserhash(String realm, HashFunction hash, String userhash) {
        return await(store.findByUserhash(realm, hash, userhash));
    }

    static <T> T await(Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within 10 s", e);
        }
    }
}
