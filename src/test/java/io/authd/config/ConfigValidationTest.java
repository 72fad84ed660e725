package io.authd.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.authd.config.Configs.problems;
import static io.authd.config.Configs.realm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every invalid configuration fails at load, naming the key path and the offending value. */
class ConfigValidationTest {

    @Test
    void unknownKeyIsNamedWithItsPathAndTheClosestKnownKey() {
        assertThat(problems(realm("algoritms: [MD5]")))
                .isEqualTo("realms[0].algoritms: unknown key (did you mean 'algorithms'?)");
    }

    @Test
    void unknownKeyFarFromAnyKnownKeyHasNoSuggestion() {
        assertThat(problems("colour: blue\n")).isEqualTo("colour: unknown key");
    }

    @Test
    void keyInTheWrongCaseIsUnknownButSuggested() {
        assertThat(problems("listen:\n  Public:\n    port: 1\n"))
                .isEqualTo("listen.Public: unknown key (did you mean 'public'?)");
    }

    @Test
    void nonBooleanForABooleanKeyNamesKeyAndValue() {
        assertThat(problems(realm("allowNoQop: maybe")))
                .isEqualTo("realms[0].allowNoQop: expected true or false, got 'maybe'");
    }

    @Test
    void yamlOneOneBooleanWordsAreNotBooleans() {
        assertThat(problems(realm("userhash: yes")))
                .isEqualTo("realms[0].userhash: expected true or false, got 'yes'");
    }

    @Test
    void nonNumericPortNamesKeyAndValue() {
        assertThat(problems("listen:\n  public:\n    port: abc\n"))
                .isEqualTo("listen.public.port: expected a number, got 'abc'");
    }

    @Test
    void portAboveRangeFailsNamingKeyAndValue() {
        assertThat(problems("listen:\n  public:\n    port: 70000\n"))
                .isEqualTo("listen.public.port: must be 0..65535, got 70000");
    }

    @Test
    void negativePortFails() {
        assertThat(problems("listen:\n  management:\n    port: -1\n"))
                .isEqualTo("listen.management.port: must be 0..65535, got -1");
    }

    @Test
    void blankHostFails() {
        assertThat(problems("listen:\n  management:\n    host: ' '\n"))
                .isEqualTo("listen.management.host: must not be empty");
    }

    @Test
    void negativeNonceLifetimeFailsNamingKeyAndValue() {
        assertThat(problems(realm("nonceLifetime: -5s")))
                .isEqualTo("realms[0].nonceLifetime: must be positive, got '-5s'");
    }

    @Test
    void zeroNonceLifetimeFails() {
        assertThat(problems(realm("nonceLifetime: 0ms")))
                .isEqualTo("realms[0].nonceLifetime: must be positive, got '0s'");
    }

    @Test
    void durationWithoutUnitFailsAskingForOne() {
        assertThat(problems(realm("nonceLifetime: 300")))
                .isEqualTo("realms[0].nonceLifetime: duration needs a unit (ms, s, m, h, d), got '300'");
    }

    @Test
    void durationInWordsFailsShowingTheSyntax() {
        assertThat(problems(realm("nonceLifetime: 5 minutes")))
                .isEqualTo("realms[0].nonceLifetime: expected a duration such as 300s, 5m or PT5M, got '5 minutes'");
    }

    @Test
    void zeroReloadIntervalFails() {
        assertThat(problems("credentials:\n  reloadInterval: 0s\n"))
                .isEqualTo("credentials.reloadInterval: must be positive, got '0s'");
    }

    @Test
    void unknownModeListsTheKnownModes() {
        assertThat(problems("mode: staging\n")).isEqualTo("mode: unknown mode 'staging' (known: demo, production)");
    }

    @Test
    void unknownSipUriCheckListsTheKnownValues() {
        assertThat(problems(realm("sipUriCheck: loose")))
                .isEqualTo("realms[0].sipUriCheck: unknown uri check 'loose' (known: strict, off)");
    }

    @Test
    void unknownAlgorithmIsNamedWithItsIndexAndTheKnownAlgorithms() {
        assertThat(problems(realm("algorithms: [SHA-256, SHA-1]")))
                .isEqualTo("realms[0].algorithms[1]: unknown algorithm 'SHA-1' (known: MD5, MD5-sess, SHA-256, "
                        + "SHA-256-sess, SHA-512-256, SHA-512-256-sess)");
    }

    @Test
    void algorithmListedTwiceFailsEvenInAnotherCase() {
        assertThat(problems(realm("algorithms: [SHA-256, MD5, sha-256]")))
                .isEqualTo("realms[0].algorithms[2]: 'SHA-256' appears twice (first at index 0)");
    }

    @Test
    void emptyAlgorithmListFails() {
        assertThat(problems(realm("algorithms: []"))).isEqualTo("realms[0].algorithms: must not be empty");
    }

    @Test
    void missingListEntryFails() {
        assertThat(problems(realm("algorithms: [SHA-256, ~]")))
                .isEqualTo("realms[0].algorithms[1]: expected one of MD5, MD5-sess, SHA-256, SHA-256-sess, "
                        + "SHA-512-256, SHA-512-256-sess, got nothing");
    }

    @Test
    void scalarWhereAListBelongsFails() {
        assertThat(problems(realm("algorithms: SHA-256")))
                .isEqualTo("realms[0].algorithms: expected a list, got 'SHA-256'");
    }

    @Test
    void listWhereAScalarBelongsFails() {
        assertThat(problems("instances: [1, 2]\n")).isEqualTo("instances: expected a number, got a list");
    }

    @Test
    void scalarWhereASectionBelongsFails() {
        assertThat(problems("listen: 8080\n")).isEqualTo("listen: expected a mapping of keys, got '8080'");
    }

    @Test
    void unknownQopListsTheKnownValues() {
        assertThat(problems(realm("qop: [auth-conf]")))
                .isEqualTo("realms[0].qop[0]: unknown qop 'auth-conf' (known: auth, auth-int)");
    }

    @Test
    void emptyQopFailsUnlessAllowNoQop() {
        assertThat(problems(realm("qop: []"))).isEqualTo("realms[0].qop: must not be empty");
    }

    @Test
    void qopListedTwiceFails() {
        assertThat(problems(realm("qop: [auth, AUTH]"))).isEqualTo("realms[0].qop[1]: 'auth' appears twice (first at index 0)");
    }

    @Test
    void nextNonceAfterZeroFails() {
        assertThat(problems(realm("nextNonceAfter: 0")))
                .isEqualTo("realms[0].nextNonceAfter: must be in (0, 1] (1 = never send nextnonce), got 0.0");
    }

    @Test
    void nextNonceAfterAboveOneFails() {
        assertThat(problems(realm("nextNonceAfter: 1.5")))
                .isEqualTo("realms[0].nextNonceAfter: must be in (0, 1] (1 = never send nextnonce), got 1.5");
    }

    @Test
    void duplicateRealmNameFailsNamingBothEntries() {
        assertThat(problems("realms:\n  - name: example.com\n  - name: example.com\n"))
                .isEqualTo("realms[1].name: 'example.com' appears twice (first at index 0)");
    }

    @Test
    void realmEntryWithoutNameFails() {
        assertThat(problems("realms:\n  - name: example.com\n  - nonceLifetime: 1m\n")).isEqualTo("realms[1].name: required");
    }

    @Test
    void emptyRealmNameFails() {
        assertThat(problems("realms:\n  - name: ''\n")).isEqualTo("realms[0].name: must not be empty");
    }

    @Test
    void realmNameWithAQuoteFails() {
        assertThat(problems("realms:\n  - name: 'a\"b'\n"))
                .isEqualTo("realms[0].name: must not contain '\"', '\\' or control characters, got 'a\"b'");
    }

    @Test
    void realmNameWithAControlCharacterFailsWithoutEchoingIt() {
        assertThat(problems("realms:\n  - name: \"a\\r\\nb\"\n"))
                .isEqualTo("realms[0].name: must not contain '\"', '\\' or control characters, got 'a\\u000d\\u000ab'");
    }

    @Test
    void noRealmsFails() {
        assertThat(problems("realms: []\n")).isEqualTo("realms: must not be empty");
    }

    @Test
    void realmEntryThatIsNotAMappingFails() {
        assertThat(problems("realms: [example.com]\n")).isEqualTo("realms[0]: expected a mapping of keys, got 'example.com'");
    }

    @Test
    void defaultRealmThatIsNotConfiguredFailsListingTheRealms() {
        assertThat(problems("defaultRealm: foo\n"))
                .isEqualTo("defaultRealm: 'foo' is not one of the configured realms (example.com)");
    }

    @Test
    void productionModeWithoutNonceKeysFails() {
        assertThat(problems("mode: production\n")).isEqualTo("nonce: production mode needs nonce.keyFile or nonce.keys "
                + "(env AUTHD_NONCE_KEYS); demo mode generates a throwaway key");
    }

    @Test
    void bothNonceKeySourcesFail() {
        assertThat(problems("nonce:\n  keyFile: keys\n  keys: k1\n")).isEqualTo("nonce: set either keyFile or keys, not both");
    }

    @Test
    void blankNonceKeysFail() {
        assertThat(problems("nonce:\n  keys: '  '\n")).isEqualTo("nonce.keys: must not be empty");
    }

    @Test
    void blankPathFails() {
        assertThat(problems("credentials:\n  file: ''\n")).isEqualTo("credentials.file: expected a path, got ''");
    }

    @Test
    void unknownReplayStoreListsTheSupportedOnes() {
        assertThat(problems("replay:\n  store: etcd\n"))
                .isEqualTo("replay.store: unsupported store 'etcd' (supported: memory, redis, postgres)");
    }

    @Test
    void sharedStoreSettingsAreValidatedNamingTheirKeys() {
        assertThat(problems("replay:\n  redis:\n    uri: http://x\n"))
                .isEqualTo("replay.redis.uri: must start with redis://, rediss:// or unix://");
        assertThat(problems("replay:\n  postgres:\n    schema: 'a; drop table x'\n"))
                .startsWith("replay.postgres.schema: must be a plain SQL identifier");
        assertThat(problems("replay:\n  postgres:\n    timeout: 0s\n"))
                .isEqualTo("replay.postgres.timeout: must be 1ms..60s, got 'PT0S'");
        assertThat(problems("replay:\n  postgres:\n    timeout: 2m\n"))
                .as("the store refuses longer waits, so the configuration must too")
                .isEqualTo("replay.postgres.timeout: must be 1ms..60s, got 'PT2M'");
    }

    @Test
    void replayWindowOutsideOneTo64Fails() {
        assertThat(problems("replay:\n  window: 65\n")).isEqualTo("replay.window: must be 1..64, got 65");
        assertThat(problems("replay:\n  window: 0\n")).isEqualTo("replay.window: must be 1..64, got 0");
    }

    @Test
    void tooFewReplayEntriesFail() {
        assertThat(problems("replay:\n  maxEntries: 10\n")).isEqualTo("replay.maxEntries: must be at least 1000, got 10");
    }

    @Test
    void negativeInstancesFail() {
        assertThat(problems("instances: -1\n")).isEqualTo("instances: must be 0 (one per available core) or more, got -1");
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        assertThat(problems("mode: demo\nlisten:\n  public: [1, 2\n  management: {}\n"))
                .startsWith("configuration: malformed YAML at line 4, column ");
    }

    @Test
    void duplicateYamlKeyFails() {
        assertThat(problems("mode: demo\nmode: production\n"))
                .isEqualTo("configuration: malformed YAML at line 2, column 5: Duplicate field 'mode'");
    }

    @Test
    void topLevelListFails() {
        assertThat(problems("- mode: demo\n")).isEqualTo("configuration: expected a mapping of keys at the top level, got a list");
    }

    @Test
    void missingFileFailsNamingThePath() {
        Path file = Path.of("/nonexistent/authd.yaml");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("/nonexistent/authd.yaml: cannot read the file: ")
                .hasMessageContaining("NoSuchFileException");
    }

    @Test
    void everyProblemIsListedOnItsOwnLine() {
        String message = problems("""
                mode: staging
                listen:
                  public:
                    port: 70000
                realms:
                  - name: a
                    nonceLifetime: 300
                    algoritms: [MD5]
                  - name: a
                replay:
                  window: 100
                """);

        assertThat(message.lines()).containsExactlyInAnyOrder(
                "mode: unknown mode 'staging' (known: demo, production)",
                "listen.public.port: must be 0..65535, got 70000",
                "realms[0].algoritms: unknown key (did you mean 'algorithms'?)",
                "realms[0].nonceLifetime: duration needs a unit (ms, s, m, h, d), got '300'",
                "replay.window: must be 1..64, got 100");
    }

    @Test
    void checksOfAnEnclosingRecordWaitUntilItsPartsAreValid() {
        // defaultRealm cannot be judged against realms that could not be built; it is reported on the next run.
        assertThat(problems("defaultRealm: foo\ninstances: -1\n" + realm("nonceLifetime: 0s")))
                .isEqualTo("realms[0].nonceLifetime: must be positive, got '0s'");
    }

    @Test
    void recordChecksReportEveryProblemOfTheRecordAtOnce() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> new RealmOptions("a\\b", List.of(),
                null, Duration.ofSeconds(-1), 2, null, false, false, true, null, null));

        assertThat(e.problems()).extracting(ConfigException.Problem::key)
                .containsExactly("name", "algorithms", "qop", "nonceLifetime", "nextNonceAfter", "sipUriCheck");
    }
}
