package io.authd.config;

import io.authd.digest.DigestAlgorithm;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.authd.config.Configs.load;
import static io.authd.config.Configs.problems;
import static org.assertj.core.api.Assertions.assertThat;

class EnvOverridesTest {
    private static final String TWO_REALMS = """
            realms:
              - name: a.example
              - name: b.example
                nonceLifetime: 10m
            """;

    @Test
    void topLevelScalarIsOverridden() {
        AuthdOptions o = load("", Map.of("AUTHD_MODE", "production", "AUTHD_NONCE_KEYS", "k1", "AUTHD_INSTANCES", "2"));

        assertThat(o.mode()).isEqualTo(Mode.PRODUCTION);
        assertThat(o.nonce().keys()).isEqualTo("k1");
        assertThat(o.instances()).isEqualTo(2);
    }

    @Test
    void nestedKeysAreOverridden() {
        AuthdOptions o = load("", Map.of("AUTHD_LISTEN_PUBLIC_PORT", "9090", "AUTHD_LISTEN_MANAGEMENT_HOST", "127.0.0.1"));

        assertThat(o.listen().publicApi().endpoint()).isEqualTo(new Endpoint("0.0.0.0", 9090));
        assertThat(o.listen().management()).isEqualTo(new Endpoint("127.0.0.1", 8081));
    }

    @Test
    void environmentBeatsTheFile() {
        AuthdOptions o = load("listen:\n  public:\n    port: 8443\nreplay:\n  window: 16\n",
                Map.of("AUTHD_LISTEN_PUBLIC_PORT", "9090", "AUTHD_REPLAY_WINDOW", "32"));

        assertThat(o.listen().publicApi().port()).isEqualTo(9090);
        assertThat(o.replay().window()).isEqualTo(32);
    }

    @Test
    void listEntryIsAddressedByIndex() {
        AuthdOptions o = load(TWO_REALMS, Map.of("AUTHD_REALMS_1_NONCE_LIFETIME", "60s", "AUTHD_REALMS_0_USERHASH", "FALSE"));

        assertThat(o.realms().get(0).userhash()).isFalse();
        assertThat(o.realms().get(0).nonceLifetime()).isEqualTo(RealmOptions.DEFAULT_NONCE_LIFETIME);
        assertThat(o.realms().get(1).nonceLifetime()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void listOfValuesIsCommaSeparatedAndTrimmed() {
        AuthdOptions o = load(TWO_REALMS, Map.of("AUTHD_REALMS_0_ALGORITHMS", "SHA-512-256, md5"));

        assertThat(o.realms().get(0).algorithms()).containsExactly(DigestAlgorithm.SHA_512_256, DigestAlgorithm.MD5);
    }

    @Test
    void defaultRealmAndItsNameCanBeSetWithoutAFile() {
        AuthdOptions o = ConfigLoader.defaults(Map.of("AUTHD_REALMS_0_NAME", "sip.example.com"));

        assertThat(o.realms()).extracting(RealmOptions::name).containsExactly("sip.example.com");
        assertThat(o.defaultRealm()).isEqualTo("sip.example.com");
    }

    @Test
    void defaultRealmIsOverridden() {
        assertThat(load(TWO_REALMS, Map.of("AUTHD_DEFAULT_REALM", "b.example")).defaultRealm()).isEqualTo("b.example");
    }

    @Test
    void multiWordKeysAreSnakeCased() {
        AuthdOptions o = load("", Map.of("AUTHD_NONCE_KEY_FILE", "keys/ring", "AUTHD_CREDENTIALS_RELOAD_INTERVAL", "10s",
                "AUTHD_REPLAY_MAX_ENTRIES", "5000", "AUTHD_REALMS_0_SIP_URI_CHECK", "off"));

        assertThat(o.nonce().keyFile()).isEqualTo(Path.of("/etc/authd/keys/ring"));
        assertThat(o.credentials().reloadInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.replay().maxEntries()).isEqualTo(5000);
        assertThat(o.realms().get(0).sipUriCheck()).isEqualTo(UriCheck.OFF);
    }

    @Test
    void credentialsFileFromTheEnvironmentIsTaken() {
        AuthdOptions o = load("", Map.of("AUTHD_CREDENTIALS_FILE", "/data/creds.yaml"));

        assertThat(o.credentials().file()).isEqualTo(Path.of("/data/creds.yaml"));
    }

    @Test
    void emptyVariableLeavesTheFileValue() {
        AuthdOptions o = load("nonce:\n  keyFile: /run/keys\n", Map.of("AUTHD_NONCE_KEYS", ""));

        assertThat(o.nonce()).isEqualTo(new NonceOptions(Path.of("/run/keys"), null));
    }

    @Test
    void launcherToolAndTestVariablesAndOtherVariablesAreIgnored() {
        AuthdOptions o = load("", Map.of("AUTHD_CONFIG", "/etc/authd/authd.yaml", "AUTHD_JAVA_OPTS", "-Xmx64m",
                "AUTHD_JAVA_HOME", "/opt/jdk", "PATH", "/usr/bin", "authd_mode", "production",
                "AUTHD_ADMIN_TOKEN", "authd_admin_x", "AUTHD_ADMIN_URL", "http://127.0.0.1:8081",
                "AUTHD_TEST_PG_URI", "postgresql://authd_test@127.0.0.1/postgres"));

        assertThat(o).isEqualTo(load(""));
    }

    @Test
    void variableThatNamesNoKeyFailsNamingItAndTheClosestVariable() {
        assertThat(problems("", Map.of("AUTHD_LISTEN_PUBLIC_PROT", "9090")))
                .isEqualTo("AUTHD_LISTEN_PUBLIC_PROT: names no configuration key (did you mean 'AUTHD_LISTEN_PUBLIC_PORT'?)");
    }

    @Test
    void variableThatNamesASectionFails() {
        assertThat(problems("", Map.of("AUTHD_LISTEN_PUBLIC", "0.0.0.0:80")))
                .startsWith("AUTHD_LISTEN_PUBLIC: names no configuration key");
    }

    @Test
    void indexedTypoSuggestsTheIndexedVariable() {
        assertThat(problems("", Map.of("AUTHD_REALMS_0_NONCE_LIFETIM", "1m")))
                .isEqualTo("AUTHD_REALMS_0_NONCE_LIFETIM: names no configuration key "
                        + "(did you mean 'AUTHD_REALMS_<i>_NONCE_LIFETIME'?)");
    }

    @Test
    void indexBeyondTheConfiguredRealmsFails() {
        assertThat(problems(TWO_REALMS, Map.of("AUTHD_REALMS_2_NONCE_LIFETIME", "1m")))
                .isEqualTo("AUTHD_REALMS_2_NONCE_LIFETIME: there is no realms[2] to override: realms has 2 entries "
                        + "(the environment can change entries, not add them)");
    }

    @Test
    void indexTooLargeForANumberNamesNoKey() {
        assertThat(problems("", Map.of("AUTHD_REALMS_99999999999_NAME", "x")))
                .startsWith("AUTHD_REALMS_99999999999_NAME: names no configuration key");
    }

    @Test
    void badValueFailsNamingTheVariable() {
        assertThat(problems("", Map.of("AUTHD_LISTEN_PUBLIC_PORT", "abc")))
                .isEqualTo("AUTHD_LISTEN_PUBLIC_PORT: expected a number, got 'abc'");
    }

    @Test
    void valueOutOfRangeFailsNamingTheVariable() {
        assertThat(problems("", Map.of("AUTHD_LISTEN_PUBLIC_PORT", "70000")))
                .isEqualTo("AUTHD_LISTEN_PUBLIC_PORT: must be 0..65535, got 70000");
    }

    @Test
    void badListEntryFailsNamingTheVariableAndTheEntry() {
        assertThat(problems("", Map.of("AUTHD_REALMS_0_ALGORITHMS", "SHA-256,SHA-1")))
                .startsWith("AUTHD_REALMS_0_ALGORITHMS[1]: unknown algorithm 'SHA-1' (known: ");
    }

    @Test
    void bareNumberDurationFromTheEnvironmentFails() {
        assertThat(problems("", Map.of("AUTHD_REALMS_0_NONCE_LIFETIME", "300")))
                .isEqualTo("AUTHD_REALMS_0_NONCE_LIFETIME: duration needs a unit (ms, s, m, h, d), got '300'");
    }

    @Test
    void productionModeFromTheEnvironmentStillNeedsKeys() {
        assertThat(problems("", Map.of("AUTHD_MODE", "production"))).startsWith("nonce: production mode needs nonce.keyFile");
    }

    @Test
    void keysFromTheEnvironmentBesideAKeyFileFail() {
        assertThat(problems("nonce:\n  keyFile: /run/keys\n", Map.of("AUTHD_NONCE_KEYS", "k1")))
                .isEqualTo("nonce: set either keyFile or keys, not both");
    }

    @Test
    void fileAndEnvironmentProblemsAreReportedTogether() {
        assertThat(problems("replay:\n  window: 0\n", Map.of("AUTHD_LISTEN_PUBLIC_PROT", "1",
                "AUTHD_LISTEN_MANAGEMENT_PORT", "x")).lines())
                .containsExactly(
                        "AUTHD_LISTEN_PUBLIC_PROT: names no configuration key (did you mean 'AUTHD_LISTEN_PUBLIC_PORT'?)",
                        "AUTHD_LISTEN_MANAGEMENT_PORT: expected a number, got 'x'",
                        "replay.window: must be 1..64, got 0");
    }
}
