package io.authd.nonce;

import io.authd.digest.DigestAlgorithm;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.authd.digest.DigestAlgorithm.MD5;
import static io.authd.digest.DigestAlgorithm.SHA_256;
import static org.assertj.core.api.Assertions.assertThat;

class NonceServiceTest {
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    private final NonceService nonces = new NonceService(TestKeys.ring(1), clock);

    private NonceCheck check(NonceService service, String nonce, String realm, DigestAlgorithm alg, String client) {
        return service.check(nonce, realm, alg, client, LIFETIME, 0.8);
    }

    @Test
    void mintedNonceIsFreshForItsRealmAndAlgorithm() {
        String nonce = nonces.mint("example.com", SHA_256, null);
        assertThat(nonce).hasSize(NonceService.NONCE_LENGTH).matches("[A-Za-z0-9_-]+");
        assertThat(check(nonces, nonce, "example.com", SHA_256, null)).isInstanceOf(NonceCheck.Fresh.class);
    }

    @Test
    void everyMintedNonceIsDifferent() {
        assertThat(nonces.mint("r", MD5, null)).isNotEqualTo(nonces.mint("r", MD5, null));
    }

    @Test
    void nonceMintedForSha256CannotBeAnsweredWithMd5() {
        String nonce = nonces.mint("example.com", SHA_256, null);
        assertThat(check(nonces, nonce, "example.com", MD5, null)).isInstanceOf(NonceCheck.Invalid.class);
    }

    @Test
    void nonceOfAnotherRealmIsInvalid() {
        String nonce = nonces.mint("a.example.com", MD5, null);
        assertThat(check(nonces, nonce, "b.example.com", MD5, null)).isInstanceOf(NonceCheck.Invalid.class);
    }

    @Test
    void nonceBoundToOneClientIsInvalidFromAnother() {
        String nonce = nonces.mint("r", MD5, "203.0.113.7");
        assertThat(check(nonces, nonce, "r", MD5, "203.0.113.7")).isInstanceOf(NonceCheck.Fresh.class);
        assertThat(check(nonces, nonce, "r", MD5, "203.0.113.8")).isInstanceOf(NonceCheck.Invalid.class);
        assertThat(check(nonces, nonce, "r", MD5, null)).isInstanceOf(NonceCheck.Invalid.class);
    }

    @Test
    void everySingleCharacterChangeMakesTheNonceInvalid() {
        String nonce = nonces.mint("r", MD5, null);
        for (int i = 0; i < nonce.length(); i++) {
            char replacement = nonce.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = nonce.substring(0, i) + replacement + nonce.substring(i + 1);
            assertThat(check(nonces, tampered, "r", MD5, null)).as("position %d", i)
                    .isInstanceOf(NonceCheck.Invalid.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", "AgABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"})
    void foreignOrGarbageNoncesAreInvalidNotErrors(String nonce) {
        assertThat(check(nonces, nonce, "r", MD5, null)).isInstanceOf(NonceCheck.Invalid.class);
    }

    @Test
    void nonceOfTheRightLengthWithPaddingIsInvalidNotAnError() {
        String nonce = nonces.mint("r", MD5, null);
        // 47 characters and '=': Base64 decodes it to 35 bytes, one short of a nonce (found by NonceFuzzTest).
        String padded = nonce.substring(0, NonceService.NONCE_LENGTH - 2) + "A=";

        assertThat(check(nonces, padded, "r", MD5, null)).isInstanceOf(NonceCheck.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(chars = {'+', '/', '=', '.', '\u00E9', '\0', '\uD800'})
    void nonceWithACharacterOutsideBase64urlIsInvalidNotAnError(char outside) {
        String nonce = nonces.mint("r", MD5, null);
        for (int i = 0; i < nonce.length(); i += 11) {
            String changed = nonce.substring(0, i) + outside + nonce.substring(i + 1);
            assertThat(check(nonces, changed, "r", MD5, null)).as("position %d", i)
                    .isInstanceOf(NonceCheck.Invalid.class);
        }
    }

    @Test
    void authenticNonceOlderThanItsLifetimeIsStale() {
        String nonce = nonces.mint("r", MD5, null);
        clock.advance(LIFETIME.plusMillis(1));
        assertThat(check(nonces, nonce, "r", MD5, null)).isInstanceOf(NonceCheck.Stale.class);
    }

    @Test
    void nonceIsStillFreshAtExactlyItsLifetime() {
        String nonce = nonces.mint("r", MD5, null);
        clock.advance(LIFETIME);
        assertThat(check(nonces, nonce, "r", MD5, null)).isInstanceOf(NonceCheck.Fresh.class);
    }

    @Test
    void refreshIsDueOnceTheConfiguredShareOfTheLifetimeIsUsed() {
        String nonce = nonces.mint("r", MD5, null);
        clock.advance(Duration.ofMinutes(3));
        assertThat(((NonceCheck.Fresh) check(nonces, nonce, "r", MD5, null)).refreshDue()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(((NonceCheck.Fresh) check(nonces, nonce, "r", MD5, null)).refreshDue()).isTrue();
        assertThat(((NonceCheck.Fresh) nonces.check(nonce, "r", MD5, null, LIFETIME, 1.0)).refreshDue())
                .as("a share of 1 never asks for a refresh").isFalse();
    }

    @Test
    void freshNonceReportsWhenItExpires() {
        String nonce = nonces.mint("r", MD5, null);
        var fresh = (NonceCheck.Fresh) check(nonces, nonce, "r", MD5, null);
        assertThat(fresh.expiresAtMillis() - fresh.issuedAtMillis()).isEqualTo(LIFETIME.toMillis());
        assertThat(fresh.issuedAtMillis()).isEqualTo(clock.millis());
    }

    @Test
    void nonceFromBeyondTheClockSkewIsInvalid() {
        MutableClock ahead = new MutableClock(clock.instant().plusSeconds(60));
        String nonce = new NonceService(TestKeys.ring(1), ahead).mint("r", MD5, null);
        assertThat(check(nonces, nonce, "r", MD5, null)).isInstanceOf(NonceCheck.Invalid.class);
    }

    @Test
    void replicaStartedLaterVerifiesNonceOfReplicaStartedEarlier() {
        String nonce = nonces.mint("r", SHA_256, null);
        clock.advance(Duration.ofMinutes(1));
        NonceService later = new NonceService(TestKeys.ring(1), clock);
        assertThat(check(later, nonce, "r", SHA_256, null)).isInstanceOf(NonceCheck.Fresh.class);
    }

    @Test
    void replicaWithADifferentKeyRejectsTheNonce() {
        String nonce = nonces.mint("r", MD5, null);
        NonceService stranger = new NonceService(TestKeys.ring(List.of(new NonceKey(1, new byte[32], 0))), clock);
        assertThat(check(stranger, nonce, "r", MD5, null)).isInstanceOf(NonceCheck.Invalid.class);
    }

    @Test
    void newestActiveKeySignsAndOlderKeysStillVerify() {
        NonceService old = new NonceService(TestKeys.ring(1), clock);
        String oldNonce = old.mint("r", MD5, null);
        NonceService rotated = new NonceService(TestKeys.ring(1, 2), clock);
        String newNonce = rotated.mint("r", MD5, null);
        assertThat(check(rotated, oldNonce, "r", MD5, null)).isInstanceOf(NonceCheck.Fresh.class);
        assertThat(check(old, newNonce, "r", MD5, null)).as("key 2 signed it").isInstanceOf(NonceCheck.Invalid.class);
    }

    @Test
    void keyWithFutureNotBeforeDoesNotSignUntilThen() {
        Instant switchAt = clock.instant().plusSeconds(600);
        NonceKey next = new NonceKey(2, TestKeys.key(2).secret(), switchAt.toEpochMilli());
        NonceService ring = new NonceService(TestKeys.ring(List.of(TestKeys.key(1), next)), clock);
        NonceService onlyOld = new NonceService(TestKeys.ring(1), clock);
        assertThat(check(onlyOld, ring.mint("r", MD5, null), "r", MD5, null)).isInstanceOf(NonceCheck.Fresh.class);
        clock.advance(Duration.ofSeconds(600));
        assertThat(check(onlyOld, ring.mint("r", MD5, null), "r", MD5, null)).isInstanceOf(NonceCheck.Invalid.class);
    }

    @Test
    void nonceSignedByARemovedKeyIsInvalid() {
        String nonce = new NonceService(TestKeys.ring(1, 2), clock).mint("r", MD5, null);
        NonceService withoutKey2 = new NonceService(TestKeys.ring(1), clock);
        NonceCheck result = check(withoutKey2, nonce, "r", MD5, null);
        assertThat(result).isInstanceOf(NonceCheck.Invalid.class);
        assertThat(((NonceCheck.Invalid) result).reason()).contains("key 2");
    }

    @Test
    void opaqueIsDerivedFromTheNonceAndIsTokenSafe() {
        String nonce = nonces.mint("r", MD5, null);
        assertThat(NonceService.opaqueFor(nonce)).hasSize(16).matches("[A-Za-z0-9_-]+");
    }
}
