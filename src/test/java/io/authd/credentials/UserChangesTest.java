package io.authd.credentials;

import io.authd.digest.HashFunction;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.authd.credentials.Fixtures.MUFASA_MD5_HA1;
import static io.authd.credentials.Fixtures.SHA256_HA1;
import static org.assertj.core.api.Assertions.assertThat;

class UserChangesTest {
    private static final String REALM = "testrealm@host.com";
    private static final Secret PASSWORD = new Secret.Password("Circle Of Life");

    @Test
    void passwordGivesAnHa1ForEveryHashFunction() {
        UserCredentials user = valid(UserChanges.newUser(REALM, "Mufasa", PASSWORD, true));

        assertThat(user.ha1()).containsOnlyKeys(HashFunction.values());
        assertThat(user.ha1(HashFunction.MD5)).isEqualTo(MUFASA_MD5_HA1);
        assertThat(user.enabled()).isTrue();
    }

    @Test
    void usernameAndPasswordAreNfcNormalisedBeforeHashing() {
        UserCredentials decomposed = valid(UserChanges.newUser(REALM, "Ja\u0308son", new Secret.Password("pa\u0308ss"), true));
        UserCredentials composed = valid(UserChanges.newUser(REALM, "J\u00e4son", new Secret.Password("p\u00e4ss"), true));

        assertThat(decomposed).isEqualTo(composed);
        assertThat(UserChanges.username("Ja\u0308son")).isEqualTo("J\u00e4son");
    }

    @Test
    void givenHa1sAreStoredAsGivenWhenTheyAreLowercaseHexOfTheRightLength() {
        UserCredentials user = valid(UserChanges.newUser(REALM, "Mufasa",
                new Secret.Ha1s(Map.of(HashFunction.MD5, MUFASA_MD5_HA1, HashFunction.SHA_256, SHA256_HA1)), false));

        assertThat(user.ha1()).isEqualTo(Map.of(HashFunction.MD5, MUFASA_MD5_HA1, HashFunction.SHA_256, SHA256_HA1));
        assertThat(user.enabled()).isFalse();
    }

    @Test
    void badHa1sAreRefusedNamingTheHashFunction() {
        assertThat(UserChanges.newUser(REALM, "Mufasa", ha1(HashFunction.MD5, MUFASA_MD5_HA1.toUpperCase()), true))
                .isEqualTo(new Checked.Invalid<>("ha1.MD5: expected 32 lowercase hex digits"));
        assertThat(UserChanges.newUser(REALM, "Mufasa", ha1(HashFunction.SHA_512_256, MUFASA_MD5_HA1), true))
                .isEqualTo(new Checked.Invalid<>("ha1.SHA-512-256: expected 64 lowercase hex digits"));
        assertThat(UserChanges.change(REALM, "Mufasa", new Secret.Ha1s(Map.of()), null))
                .isEqualTo(new Checked.Invalid<>("ha1 must hold an HA1 for at least one of MD5, SHA-256, SHA-512-256"));
    }

    @Test
    void namesAndPasswordsThatBreakTheRulesAreRefused() {
        assertThat(UserChanges.newUser(REALM, "al\u0007ice", PASSWORD, true))
                .isEqualTo(new Checked.Invalid<>("username must not contain control characters"));
        assertThat(UserChanges.newUser(REALM, "x".repeat(1025), PASSWORD, true))
                .isEqualTo(new Checked.Invalid<>("username must be at most 1024 characters"));
        assertThat(UserChanges.newUser(REALM, "alice", new Secret.Password(""), true))
                .isEqualTo(new Checked.Invalid<>("password must not be empty"));
        assertThat(UserChanges.userProblem("real\"m", "alice")).contains("realm must not contain '\"'");
    }

    @Test
    void changeWithoutASecretKeepsTheHa1s() {
        UserCredentials before = valid(UserChanges.newUser(REALM, "Mufasa", PASSWORD, true));

        UserCredentials after = valid(UserChanges.change(REALM, "Mufasa", null, false)).applyTo(before);

        assertThat(after.ha1()).isEqualTo(before.ha1());
        assertThat(after.enabled()).isFalse();
    }

    @Test
    void passwordChangeHashesTheStoredUsernameAndKeepsTheEnabledFlag() {
        UserCredentials before = valid(UserChanges.newUser(REALM, "Mufasa", new Secret.Password("old"), false));

        UserCredentials after = valid(UserChanges.change(REALM, "Mufasa", PASSWORD, null)).applyTo(before);

        assertThat(after.ha1(HashFunction.MD5)).isEqualTo(MUFASA_MD5_HA1);
        assertThat(after.enabled()).isFalse();
    }

    @Test
    void secretsNeverShowInTheirStringForm() {
        assertThat(PASSWORD.toString()).doesNotContain("Circle");
        assertThat(ha1(HashFunction.MD5, MUFASA_MD5_HA1).toString()).isEqualTo("Ha1s[MD5]");
    }

    private static Secret ha1(HashFunction hash, String value) {
        return new Secret.Ha1s(Map.of(hash, value));
    }

    private static <T> T valid(Checked<T> checked) {
        assertThat(checked).isInstanceOf(Checked.Valid.class);
        return ((Checked.Valid<T>) checked).value();
    }
}
