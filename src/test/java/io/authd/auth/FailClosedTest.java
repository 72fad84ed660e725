package io.authd.auth;

import io.authd.config.RealmOptions;
import io.authd.credentials.CredentialStore;
import io.authd.credentials.UserCredentials;
import io.authd.digest.DigestChallenges;
import io.authd.digest.DigestHasher;
import io.authd.digest.DigestVerifier;
import io.authd.digest.HashFunction;
import io.authd.metrics.AuthMetrics;
import io.authd.nonce.NonceService;
import io.authd.replay.ReplayStore;
import io.authd.replay.MemoryReplayStore;
import io.authd.testing.ClientDigest;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** When a store cannot answer, the answer is unavailable (503), never allow. */
class FailClosedTest {
    private static final RealmOptions REALM = RealmOptions.defaults("example.com");
    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    private final NonceService nonces = new NonceService(TestKeys.ring(1), clock);
    private final DigestChallenges challenges = new DigestChallenges(nonces);

    private Authenticator authenticator(CredentialStore store, ReplayStore replay) {
        return new Authenticator(new Realms(List.of(REALM), "example.com"), challenges,
                new DigestVerifier(nonces, challenges), store, replay, io.authd.bearer.BearerAuthenticator.none(),
                io.authd.lockout.Lockout.off(), AuthMetrics.NONE, AuditLog.off());
    }

    private Decision verifyCorrectAnswer(Authenticator a) {
        Decision c = a.challenge(new ChallengeRequest(Protocol.HTTP, Role.ORIGIN, null, null, null, false), ApiSurface.JSON);
        String auth = ClientDigest.authorization(c.headers().get(0).value(), "alice", "pw", "GET", "/", "00000001",
                "c", "auth", null);
        return a.verify(new VerifyRequest(Protocol.HTTP, Role.ORIGIN, "GET", "/", null, List.of(auth), null, null,
                null, null, false, null), ApiSurface.JSON).result();
    }

    private static UserCredentials alice() {
        Map<HashFunction, String> ha1 = new EnumMap<>(HashFunction.class);
        for (HashFunction h : HashFunction.values()) {
            ha1.put(h, DigestHasher.current().ha1(h, "alice", "example.com", "pw"));
        }
        return new UserCredentials("example.com", "alice", ha1, true);
    }

    private static CredentialStore store(Future<Optional<UserCredentials>> answer) {
        return new CredentialStore() {
            public Future<Optional<UserCredentials>> findByUsername(String realm, String username) {
                return answer;
            }

            public Future<Optional<UserCredentials>> findByUserhash(String realm, HashFunction h, String userhash) {
                return answer;
            }

            public boolean ready() {
                return true;
            }
        };
    }

    @Test
    void correctAnswerIsAllowedWhenTheStoresAnswer() {
        Decision d = verifyCorrectAnswer(authenticator(store(Future.succeededFuture(Optional.of(alice()))),
                new MemoryReplayStore(64, 1000, clock)));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void credentialStoreFailureIsUnavailableNotAllow() {
        Decision d = verifyCorrectAnswer(authenticator(store(Future.failedFuture("database down")),
                new MemoryReplayStore(64, 1000, clock)));
        assertThat(d.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(d.status()).isEqualTo(503);
        assertThat(d.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(d.headers()).extracting(HeaderField::name).containsExactly("Retry-After");
    }

    @Test
    void replayStoreFailureIsUnavailableNotAllow() {
        ReplayStore broken = (nonce, nc, expires) -> Future.failedFuture("redis down");
        Decision d = verifyCorrectAnswer(authenticator(store(Future.succeededFuture(Optional.of(alice()))), broken));
        assertThat(d.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(d.reason()).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void disabledUserIsBadCredentialsLikeAnUnknownOne() {
        UserCredentials disabled = new UserCredentials("example.com", "alice", alice().ha1(), false);
        Decision d = verifyCorrectAnswer(authenticator(store(Future.succeededFuture(Optional.of(disabled))),
                new MemoryReplayStore(64, 1000, clock)));
        assertThat(d.reason()).isEqualTo(Reason.BAD_CREDENTIALS);
    }
}
