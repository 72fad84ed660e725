package io.authd.basic;

import io.authd.credentials.UserCredentials;
import io.authd.digest.DigestHasher;
import io.authd.digest.HashFunction;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BasicCheckTest {
    private static final String REALM = "example.com";

    private static String ha1(HashFunction h, String user, String password) {
        return DigestHasher.current().ha1(h, user, REALM, password);
    }

    private static UserCredentials user(Map<HashFunction, String> ha1, boolean enabled) {
        return new UserCredentials(REALM, "alice", ha1, enabled);
    }

    @Test
    void rightPasswordMatchesTheStoredHa1() {
        UserCredentials alice = user(Map.of(HashFunction.SHA_256, ha1(HashFunction.SHA_256, "alice", "wonderland")), true);

        assertThat(BasicCheck.matches(alice, "alice", REALM, "wonderland")).isTrue();
        assertThat(BasicCheck.matches(alice, "alice", REALM, "wonderlanD")).isFalse();
    }

    @Test
    void theStrongestHashTheUserHasIsTheOneCompared() {
        // Each HA1 made from a different password: only the SHA-512-256 one may answer.
        Map<HashFunction, String> ha1 = new EnumMap<>(HashFunction.class);
        ha1.put(HashFunction.MD5, ha1(HashFunction.MD5, "alice", "md5-password"));
        ha1.put(HashFunction.SHA_256, ha1(HashFunction.SHA_256, "alice", "sha256-password"));
        ha1.put(HashFunction.SHA_512_256, ha1(HashFunction.SHA_512_256, "alice", "sha512-password"));
        UserCredentials alice = user(ha1, true);

        assertThat(BasicCheck.matches(alice, "alice", REALM, "sha512-password")).isTrue();
        assertThat(BasicCheck.matches(alice, "alice", REALM, "sha256-password")).isFalse();
        assertThat(BasicCheck.matches(alice, "alice", REALM, "md5-password")).isFalse();
    }

    @Test
    void sha256IsPreferredToMd5() {
        UserCredentials alice = user(Map.of(HashFunction.MD5, ha1(HashFunction.MD5, "alice", "md5-password"),
                HashFunction.SHA_256, ha1(HashFunction.SHA_256, "alice", "sha256-password")), true);

        assertThat(BasicCheck.matches(alice, "alice", REALM, "sha256-password")).isTrue();
        assertThat(BasicCheck.matches(alice, "alice", REALM, "md5-password")).isFalse();
    }

    @Test
    void anImportedMd5OnlyUserIsCheckedWithMd5() {
        UserCredentials alice = user(Map.of(HashFunction.MD5, ha1(HashFunction.MD5, "alice", "wonderland")), true);

        assertThat(BasicCheck.matches(alice, "alice", REALM, "wonderland")).isTrue();
    }

    @Test
    void storedHexInUpperCaseStillMatches() {
        UserCredentials alice = user(Map.of(HashFunction.MD5,
                ha1(HashFunction.MD5, "alice", "wonderland").toUpperCase(Locale.ROOT)), true);

        assertThat(BasicCheck.matches(alice, "alice", REALM, "wonderland")).isTrue();
    }

    @Test
    void unknownUserNeverMatches() {
        assertThat(BasicCheck.matches(null, "mallory", REALM, "")).isFalse();
        assertThat(BasicCheck.matches(null, "mallory", REALM, "anything")).isFalse();
    }

    @Test
    void disabledUserDoesNotMatchEvenWithTheRightPassword() {
        UserCredentials alice = user(Map.of(HashFunction.MD5, ha1(HashFunction.MD5, "alice", "wonderland")), false);

        assertThat(BasicCheck.matches(alice, "alice", REALM, "wonderland")).isFalse();
    }
}
