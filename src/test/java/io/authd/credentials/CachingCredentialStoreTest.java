package io.authd.credentials;

import io.authd.config.CacheOptions;
import io.authd.credentials.ScriptedStore.Mode;
import io.authd.digest.DigestHasher;
import io.authd.digest.HashFunction;
import io.authd.testing.MutableClock;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.authd.testing.Completed.failure;
import static io.authd.testing.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache's rules, against a scripted store and a clock moved by hand. */
class CachingCredentialStoreTest {
    private static final String REALM = "sip.example.com";
    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Duration NEGATIVE_TTL = Duration.ofSeconds(5);
    private static final Duration MAX_STALENESS = Duration.ofMinutes(15);
    private static final Duration MILLI = Duration.ofMillis(1);
    private static final CacheOptions OPTIONS = new CacheOptions(1_000, TTL, NEGATIVE_TTL, MAX_STALENESS);

    private final MutableClock clock = MutableClock.at("2025-03-01T12:00:00Z");
    private final ScriptedStore store = new ScriptedStore();
    private final CachingCredentialStore cache = CachingCredentialStore.create(store, OPTIONS, clock);

    @Test
    void freshHitDoesNotAskTheStore() {
        store.put(alice("1"));

        assertThat(value(cache.findByUsername(REALM, "alice"))).contains(alice("1"));
        assertThat(value(cache.findByUsername(REALM, "alice"))).contains(alice("1"));

        assertThat(store.calls()).isEqualTo(1);
        assertThat(cache.stats()).extracting(CredentialCacheStats::hits, CredentialCacheStats::misses)
                .containsExactly(1L, 1L);
    }

    @Test
    void userOlderThanTtlIsReadAgain() {
        store.put(alice("1"));
        value(cache.findByUsername(REALM, "alice"));
        store.put(alice("2"));

        clock.advance(TTL.minus(MILLI));
        assertThat(value(cache.findByUsername(REALM, "alice"))).contains(alice("1"));
        clock.advance(MILLI);
        assertThat(value(cache.findByUsername(REALM, "alice"))).contains(alice("2"));

        assertThat(store.calls()).isEqualTo(2);
    }

    @Test
    void unknownUserIsRememberedForNegativeTtlThenForgotten() {
        assertThat(value(cache.findByUsername(REALM, "bob"))).isEmpty();
        store.put(user("bob", "1"));

        clock.advance(NEGATIVE_TTL.minus(MILLI));
        assertThat(value(cache.findByUsername(REALM, "bob"))).isEmpty();
        clock.advance(MILLI);
        assertThat(value(cache.findByUsername(REALM, "bob"))).contains(user("bob", "1"));

        assertThat(store.calls()).isEqualTo(2);
    }

    @Test
    void burstOfLookupsOfOneUnknownNameCostsOneStoreCall() {
        String guessed = UUID.randomUUID().toString();

        for (int i = 0; i < 1_000; i++) {
            assertThat(value(cache.findByUsername(REALM, guessed))).isEmpty();
        }

        assertThat(store.calls()).isEqualTo(1);
    }

    @Test
    void staleEntryIsServedWhileStoreFailsWithinMaxStaleness() {
        store.put(alice("1"));
        value(cache.findByUsername(REALM, "alice"));
        store.mode(Mode.FAIL);

        clock.advance(TTL);
        assertThat(value(cache.findByUsername(REALM, "alice"))).contains(alice("1"));
        clock.advance(MAX_STALENESS.minus(TTL).minus(MILLI));
        assertThat(value(cache.findByUsername(REALM, "alice"))).contains(alice("1"));

        assertThat(cache.stats()).extracting(CredentialCacheStats::staleServed, CredentialCacheStats::loadFailures)
                .containsExactly(2L, 2L);
    }

    @Test
    void storeFailureReachesTheCallerOnceTheEntryIsMaxStalenessOld() {
        store.put(alice("1"));
        value(cache.findByUsername(REALM, "alice"));
        store.mode(Mode.FAIL);

        clock.advance(MAX_STALENESS);

        assertThat(failure(cache.findByUsername(REALM, "alice"))).hasMessage("database down");
        assertThat(cache.stats().staleServed()).isZero();
    }

    @Test
    void negativeEntryIsNeverServedStale() {
        value(cache.findByUsername(REALM, "bob"));
        store.mode(Mode.FAIL);

        clock.advance(NEGATIVE_TTL);

        assertThat(failure(cache.findByUsername(REALM, "bob"))).hasMessage("database down");
    }

    @Test
    void failedReadIsNotCached() {
        store.put(alice("1"));
        store.mode(Mode.FAIL);
        failure(cache.findByUsername(REALM, "alice"));

        store.mode(Mode.ANSWER);

        assertThat(value(cache.findByUsername(REALM, "alice"))).contains(alice("1"));
        assertThat(store.calls()).isEqualTo(2);
    }

    @Test
    void storeThatThrowsFailsTheLookupAndLeavesNoReadWaiting() {
        CachingCredentialStore overThrowing = CachingCredentialStore.create(new ThrowingStore(), OPTIONS, clock);

        assertThat(failure(overThrowing.findByUsername(REALM, "alice"))).hasMessage("bug in the store");
        assertThat(failure(overThrowing.findByUsername(REALM, "alice"))).hasMessage("bug in the store");
    }

    @Test
    void concurrentMissesOfOneKeyShareOneStoreCall() {
        store.put(alice("1"));
        store.mode(Mode.HOLD);
        List<Future<Optional<UserCredentials>>> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiting.add(cache.findByUsername(REALM, "alice"));
        }
        assertThat(waiting).noneMatch(Future::isComplete);

        store.releaseHeld();

        assertThat(waiting).allSatisfy(f -> assertThat(value(f)).contains(alice("1")));
        assertThat(store.calls()).isEqualTo(1);
        assertThat(value(cache.findByUsername(REALM, "alice"))).contains(alice("1"));
        assertThat(store.calls()).isEqualTo(1);
    }

    @Test
    void storeFailureReachesEveryLookupWaitingForTheRead() {
        store.mode(Mode.HOLD);
        Future<Optional<UserCredentials>> first = cache.findByUsername(REALM, "alice");
        Future<Optional<UserCredentials>> second = cache.findByUsername(REALM, "alice");

        store.failHeld();

        assertThat(failure(first)).hasMessage("database down");
        assertThat(failure(second)).hasMessage("database down");
        assertThat(store.calls()).isEqualTo(1);
        assertThat(cache.stats().loadFailures()).isEqualTo(1);
    }

    @Test
    void invalidateDropsTheUsernameAndEveryUserhashEntryOfTheUser() {
        store.put(alice("1"));
        store.put(user("carol", "1"));
        lookUpEveryWay("alice");
        lookUpEveryWay("carol");
        int callsBefore = store.calls();
        store.put(alice("2"));

        cache.invalidate(REALM, "alice");

        assertThat(lookUpEveryWay("alice")).containsOnly(Optional.of(alice("2")));
        assertThat(store.calls()).isEqualTo(callsBefore + 1 + HashFunction.values().length);
        assertThat(lookUpEveryWay("carol")).containsOnly(Optional.of(user("carol", "1")));
        assertThat(store.calls()).isEqualTo(callsBefore + 1 + HashFunction.values().length);
    }

    @Test
    void invalidateAllDropsEveryEntry() {
        store.put(alice("1"));
        value(cache.findByUsername(REALM, "alice"));
        value(cache.findByUsername(REALM, "bob"));
        store.put(alice("2"));
        store.put(user("bob", "1"));

        cache.invalidateAll();

        assertThat(value(cache.findByUsername(REALM, "alice"))).contains(alice("2"));
        assertThat(value(cache.findByUsername(REALM, "bob"))).contains(user("bob", "1"));
        assertThat(store.calls()).isEqualTo(4);
    }

    @Test
    void readRunningWhenTheUserIsInvalidatedAnswersItsCallersButIsNotCached() {
        store.put(alice("1"));
        store.mode(Mode.HOLD);
        Future<Optional<UserCredentials>> running = cache.findByUsername(REALM, "alice");
        store.put(alice("2"));
        cache.invalidate(REALM, "alice");

        store.releaseHeld();
        assertThat(value(running)).contains(alice("1"));

        store.mode(Mode.ANSWER);
        assertThat(value(cache.findByUsername(REALM, "alice"))).contains(alice("2"));
        assertThat(store.calls()).isEqualTo(2);
    }

    @Test
    void readRunningWhenEverythingIsInvalidatedIsNotCached() {
        store.put(alice("1"));
        store.mode(Mode.HOLD);
        Future<Optional<UserCredentials>> running = cache.findByUsername(REALM, "alice");
        store.put(alice("2"));
        cache.invalidateAll();

        store.releaseHeld();
        assertThat(value(running)).contains(alice("1"));

        store.mode(Mode.ANSWER);
        assertThat(value(cache.findByUsername(REALM, "alice"))).contains(alice("2"));
    }

    @Test
    void lookupAfterAnInvalidationDoesNotJoinTheReadBegunBeforeIt() {
        store.put(alice("1"));
        store.mode(Mode.HOLD);
        Future<Optional<UserCredentials>> before = cache.findByUsername(REALM, "alice");
        store.put(alice("2"));
        cache.invalidate(REALM, "alice");
        Future<Optional<UserCredentials>> after = cache.findByUsername(REALM, "alice");

        store.releaseHeld();

        assertThat(value(before)).contains(alice("1"));
        assertThat(value(after)).contains(alice("2"));
        assertThat(value(cache.findByUsername(REALM, "alice"))).contains(alice("2"));
        assertThat(store.calls()).isEqualTo(2);
    }

    @Test
    void invalidatedUserIsNotServedStaleDuringAnOutage() {
        store.put(alice("1"));
        value(cache.findByUsername(REALM, "alice"));
        clock.advance(TTL);
        store.mode(Mode.FAIL);

        cache.invalidate(REALM, "alice");

        assertThat(failure(cache.findByUsername(REALM, "alice"))).hasMessage("database down");
    }

    @Test
    void cacheHoldsAtMostMaxEntries() {
        CachingCredentialStore small = CachingCredentialStore.create(store,
                new CacheOptions(10, TTL, NEGATIVE_TTL, MAX_STALENESS), clock);

        for (int i = 0; i < 100; i++) {
            value(small.findByUsername(REALM, "user" + i));
        }

        assertThat(small.stats().size()).isLessThanOrEqualTo(10);
        assertThat(small.stats().evictions()).isGreaterThanOrEqualTo(90);
    }

    @Test
    void disabledCacheIsTheStoreItself() {
        CacheOptions off = new CacheOptions(0, TTL, NEGATIVE_TTL, MAX_STALENESS);

        assertThat(CachingCredentialStore.wrap(store, off, clock)).isSameAs(store);
        assertThat(CachingCredentialStore.wrap(store, OPTIONS, clock)).isInstanceOf(CachingCredentialStore.class);
        assertThatThrownBy(() -> CachingCredentialStore.create(store, off, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readinessIsTheStores() {
        assertThat(cache.ready()).isTrue();
        store.mode(Mode.FAIL);
        assertThat(cache.ready()).isFalse();
    }

    /** By username, then by userhash with each hash function: every answer. */
    private List<Optional<UserCredentials>> lookUpEveryWay(String username) {
        List<Optional<UserCredentials>> answers = new ArrayList<>();
        answers.add(value(cache.findByUsername(REALM, username)));
        for (HashFunction hash : HashFunction.values()) {
            String userhash = DigestHasher.current().userhash(hash, username, REALM);
            answers.add(value(cache.findByUserhash(REALM, hash, userhash)));
        }
        return answers;
    }

    private static UserCredentials alice(String version) {
        return user("alice", version);
    }

    /** A user whose HA1 stands for a version of the password, so a re-read is told from a cached copy. */
    private static UserCredentials user(String username, String version) {
        return new UserCredentials(REALM, username, Map.of(HashFunction.MD5, version.repeat(32)), true);
    }

    /** A store with a bug: it throws instead of failing its future. */
    private static final class ThrowingStore implements CredentialStore {
        @Override
        public Future<Optional<UserCredentials>> findByUsername(String realm, String username) {
            throw new IllegalStateException("bug in the store");
        }

        @Override
        public Future<Optional<UserCredentials>> findByUserhash(String realm, HashFunction hash, String userhash) {
            throw new IllegalStateException("bug in the store");
        }

        @Override
        public boolean ready() {
            return true;
        }
    }
}
