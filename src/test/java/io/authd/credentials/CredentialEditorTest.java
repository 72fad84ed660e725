package io.authd.credentials;

import io.authd.digest.HashFunction;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;

import static io.authd.credentials.Fixtures.MUFASA_MD5_HA1;
import static org.assertj.core.api.Assertions.assertThat;

class CredentialEditorTest {
    private static final String REALM = "testrealm@host.com";

    @Test
    void addComputesAnHa1ForEveryHashFunction() {
        AddResult.Saved saved = saved(CredentialEditor.addOrUpdate(CredentialSnapshot.EMPTY, REALM, "Mufasa",
                "Circle Of Life", true));

        assertThat(saved.created()).isTrue();
        assertThat(saved.user().ha1()).containsOnlyKeys(HashFunction.values());
        assertThat(saved.user().ha1(HashFunction.MD5)).isEqualTo(MUFASA_MD5_HA1);
        assertThat(saved.user().ha1(HashFunction.SHA_256)).hasSize(64);
        assertThat(saved.snapshot().find(REALM, "Mufasa")).contains(saved.user());
    }

    @Test
    void updateReplacesTheHa1sAndEnabledFlagOfAnExistingUser() {
        CredentialSnapshot before = saved(CredentialEditor.addOrUpdate(CredentialSnapshot.EMPTY, REALM, "Mufasa",
                "old password", true)).snapshot();

        AddResult.Saved saved = saved(CredentialEditor.addOrUpdate(before, REALM, "Mufasa", "Circle Of Life", false));

        assertThat(saved.created()).isFalse();
        assertThat(saved.user().enabled()).isFalse();
        assertThat(saved.user().ha1(HashFunction.MD5)).isEqualTo(MUFASA_MD5_HA1);
        assertThat(saved.snapshot().userCount()).isEqualTo(1);
    }

    @Test
    void usernameAndPasswordAreNfcNormalisedBeforeHashing() {
        String decomposedName = "Ja\u0308son";
        String decomposedPassword = "p\u00e4ss".replace("\u00e4", "a\u0308");

        AddResult.Saved saved = saved(CredentialEditor.addOrUpdate(CredentialSnapshot.EMPTY, REALM, decomposedName,
                decomposedPassword, true));

        assertThat(saved.user().username()).isEqualTo("J\u00e4son");
        AddResult.Saved composed = saved(CredentialEditor.addOrUpdate(CredentialSnapshot.EMPTY, REALM, "J\u00e4son",
                "p\u00e4ss", true));
        assertThat(saved.user().ha1()).isEqualTo(composed.user().ha1());
    }

    @Test
    void emptyPasswordIsRefused() {
        assertThat(CredentialEditor.addOrUpdate(CredentialSnapshot.EMPTY, REALM, "alice", "", true))
                .isEqualTo(new AddResult.Refused("password must not be empty"));
    }

    @Test
    void invalidNamesAreRefused() {
        assertThat(CredentialEditor.addOrUpdate(CredentialSnapshot.EMPTY, REALM, "", "pw", true))
                .isEqualTo(new AddResult.Refused("username must not be empty"));
        assertThat(CredentialEditor.addOrUpdate(CredentialSnapshot.EMPTY, REALM, "al\"ice", "pw", true))
                .isEqualTo(new AddResult.Refused("username must not contain '\"'"));
        assertThat(CredentialEditor.addOrUpdate(CredentialSnapshot.EMPTY, "real\nm", "alice", "pw", true))
                .isEqualTo(new AddResult.Refused("realm must not contain control characters"));
        assertThat(CredentialEditor.addOrUpdate(CredentialSnapshot.EMPTY, REALM, "alice", "pw", true).toWrite())
                .isPresent();
    }

    @Test
    void removeSaysWhetherTheUserExisted() {
        CredentialSnapshot one = CredentialSnapshot.of(java.util.List.of(
                new UserCredentials(REALM, "Mufasa", Map.of(HashFunction.MD5, MUFASA_MD5_HA1), true)));

        RemoveResult removed = CredentialEditor.remove(one, REALM, "Mufasa");
        RemoveResult absent = CredentialEditor.remove(one, REALM, "Simba");

        assertThat(removed.existed()).isTrue();
        assertThat(removed.snapshot().userCount()).isZero();
        assertThat(absent.existed()).isFalse();
        assertThat(absent.toWrite()).isEmpty();
    }

    @Test
    void listShowsHashFunctionsButNeverHa1s() {
        CredentialSnapshot snapshot = saved(CredentialEditor.addOrUpdate(CredentialSnapshot.EMPTY, REALM, "Mufasa",
                "Circle Of Life", true)).snapshot().with(
                new UserCredentials("other", "bob", Map.of(HashFunction.MD5, MUFASA_MD5_HA1), false));

        assertThat(CredentialEditor.list(snapshot, REALM)).containsExactly(
                new UserEntry(REALM, "Mufasa", true, EnumSet.allOf(HashFunction.class)));
        assertThat(CredentialEditor.list(snapshot, null)).extracting(UserEntry::username).containsExactly("bob", "Mufasa");
        assertThat(CredentialEditor.list(snapshot, null).toString()).doesNotContain(MUFASA_MD5_HA1);
    }

    private static AddResult.Saved saved(AddResult result) {
        assertThat(result).isInstanceOf(AddResult.Saved.class);
        return (AddResult.Saved) result;
    }
}
