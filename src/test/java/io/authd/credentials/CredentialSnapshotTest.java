package io.authd.credentials;

import io.authd.digest.HashFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.authd.credentials.Fixtures.JASON;
import static io.authd.credentials.Fixtures.JASON_REALM;
import static io.authd.credentials.Fixtures.MUFASA_MD5_HA1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CredentialSnapshotTest {
    private static final UserCredentials MUFASA =
            new UserCredentials("testrealm@host.com", "Mufasa", Map.of(HashFunction.MD5, MUFASA_MD5_HA1), true);
    private static final UserCredentials JASON_DOE = new UserCredentials(JASON_REALM, JASON, Map.of(
            HashFunction.MD5, "1".repeat(32), HashFunction.SHA_256, "2".repeat(64), HashFunction.SHA_512_256, "3".repeat(64)),
            true);

    private final CredentialSnapshot snapshot = CredentialSnapshot.of(List.of(MUFASA, JASON_DOE));

    @Test
    void findsAUserByExactUsername() {
        assertThat(snapshot.find("testrealm@host.com", "Mufasa")).contains(MUFASA);
        assertThat(snapshot.find("testrealm@host.com", "mufasa")).isEmpty();
        assertThat(snapshot.find("other realm", "Mufasa")).isEmpty();
    }

    @Test
    void findsTheRfc7616ExampleUserByItsSha512_256Userhash() {
        assertThat(snapshot.findByUserhash(JASON_REALM, HashFunction.SHA_512_256, Fixtures.JASON_SHA512_256_USERHASH))
                .contains(JASON_DOE);
    }

    @ParameterizedTest
    @EnumSource(HashFunction.class)
    void findsAUserByUserhashForEachHashFunction(HashFunction hash) {
        String userhash = independentHex(hash, JASON + ":" + JASON_REALM);

        assertThat(snapshot.findByUserhash(JASON_REALM, hash, userhash)).contains(JASON_DOE);
        assertThat(snapshot.findByUserhash(JASON_REALM, hash, userhash.toUpperCase())).contains(JASON_DOE);
        assertThat(snapshot.findByUserhash("other", hash, userhash)).isEmpty();
    }

    @Test
    void noUserhashForAHashFunctionWithoutHa1() {
        String sha256Userhash = independentHex(HashFunction.SHA_256, "Mufasa:testrealm@host.com");

        assertThat(snapshot.findByUserhash("testrealm@host.com", HashFunction.SHA_256, sha256Userhash)).isEmpty();
    }

    @Test
    void withReplacesAUserAndWithoutRemovesIt() {
        UserCredentials disabled = new UserCredentials(MUFASA.realm(), MUFASA.username(), MUFASA.ha1(), false);

        CredentialSnapshot replaced = snapshot.with(disabled);

        assertThat(replaced.find(MUFASA.realm(), MUFASA.username())).contains(disabled);
        assertThat(replaced.userCount()).isEqualTo(2);
        assertThat(replaced.without(MUFASA.realm(), MUFASA.username()).find(MUFASA.realm(), MUFASA.username())).isEmpty();
        assertThat(snapshot.without("nowhere", "nobody")).isSameAs(snapshot);
    }

    @Test
    void usersAreOrderedByRealmThenUsername() {
        assertThat(snapshot.users()).containsExactly(JASON_DOE, MUFASA);
        assertThat(snapshot.realms()).containsExactly(JASON_REALM, "testrealm@host.com");
    }

    @Test
    void buildingFromInvalidUsersIsAProgrammerError() {
        UserCredentials noHa1 = new UserCredentials("r", "u", Map.of(), true);

        assertThatIllegalArgumentException().isThrownBy(() -> CredentialSnapshot.of(List.of(noHa1)));
        assertThatIllegalArgumentException().isThrownBy(() -> CredentialSnapshot.of(List.of(MUFASA, MUFASA)));
    }

    /** The userhash of RFC 7616 §3.4.4 computed with the JDK alone, to check the store's own computation. */
    private static String independentHex(HashFunction hash, String text) {
        try {
            MessageDigest md = MessageDigest.getInstance(hash.jcaName());
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
