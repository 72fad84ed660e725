package io.authd.config;

import io.authd.digest.DigestAlgorithm;
import io.authd.digest.Qop;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.authd.config.Configs.BASE_DIR;
import static io.authd.config.Configs.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @Test
    void defaultsAreDemoModeWithOneExampleRealmAndDocumentedValues() {
        AuthdOptions o = ConfigLoader.defaults(Map.of());

        assertThat(o.mode()).isEqualTo(Mode.DEMO);
        assertThat(o.listen().publicApi().endpoint()).isEqualTo(new Endpoint("0.0.0.0", 8080));
        assertThat(o.listen().management()).isEqualTo(new Endpoint("0.0.0.0", 8081));
        assertThat(o.instances()).isZero();
        assertThat(o.defaultRealm()).isEqualTo("example.com");
        assertThat(o.realms()).containsExactly(RealmOptions.defaults("example.com"));
        assertThat(o.nonce()).isEqualTo(new NonceOptions(null, null));
        assertThat(o.credentials().file()).isEqualTo(Path.of("credentials.yaml").toAbsolutePath());
        assertThat(o.credentials().reloadInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.replay()).isEqualTo(ReplayOptions.DEFAULTS);
    }

    @Test
    void realmDefaultsAreTheDocumentedPolicy() {
        RealmOptions r = RealmOptions.defaults("example.com");

        assertThat(r.algorithms()).containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        assertThat(r.qop()).containsExactly(Qop.AUTH);
        assertThat(r.nonceLifetime()).isEqualTo(Duration.ofSeconds(300));
        assertThat(r.nextNonceAfter()).isEqualTo(0.8);
        assertThat(r.sipUriCheck()).isEqualTo(UriCheck.STRICT);
        assertThat(r.bindClientAddress()).isFalse();
        assertThat(r.allowNoQop()).isFalse();
        assertThat(r.userhash()).isTrue();
    }

    @Test
    void emptyFileMeansEveryDefault() {
        AuthdOptions o = load("");

        assertThat(o).isEqualTo(withCredentialsIn(BASE_DIR, ConfigLoader.defaults(Map.of())));
    }

    @Test
    void fileOfOnlyCommentsMeansEveryDefault() {
        assertThat(load("# nothing set yet\n")).isEqualTo(load(""));
    }

    @Test
    void emptySectionOrKeyKeepsItsDefault() {
        AuthdOptions o = load("""
                listen:
                nonce:
                instances: ~
                """);

        assertThat(o).isEqualTo(load(""));
    }

    @Test
    void exampleConfigLoadsWithTheValuesItDocuments() {
        Path file = Path.of("config", "authd.yaml");
        AuthdOptions o = ConfigLoader.load(file, Map.of());

        assertThat(o.mode()).isEqualTo(Mode.DEMO);
        assertThat(o.listen()).isEqualTo(ListenOptions.DEFAULTS);
        assertThat(o.defaultRealm()).isEqualTo("example.com");
        assertThat(o.realms()).containsExactly(new RealmOptions("example.com",
                List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), List.of(Qop.AUTH, Qop.AUTH_INT),
                Duration.ofSeconds(300), 0.8, UriCheck.STRICT, false, false, true, null, null));
        assertThat(o.nonce().configured()).isFalse();
        assertThat(o.credentials().file()).isEqualTo(Path.of("config").toAbsolutePath().resolve("credentials.yaml"));
        assertThat(o.replay()).isEqualTo(ReplayOptions.DEFAULTS);
    }

    @Test
    void relativePathsResolveAgainstTheConfigFilesDirectory() {
        AuthdOptions o = load("""
                nonce:
                  keyFile: secrets/../keys/ring
                credentials:
                  file: users.yaml
                """);

        assertThat(o.nonce().keyFile()).isEqualTo(Path.of("/etc/authd/keys/ring"));
        assertThat(o.credentials().file()).isEqualTo(Path.of("/etc/authd/users.yaml"));
    }

    @Test
    void defaultCredentialsFileIsInTheConfigFilesDirectory() {
        assertThat(load("").credentials().file()).isEqualTo(Path.of("/etc/authd/credentials.yaml"));
    }

    @Test
    void absolutePathsStayAsWritten() {
        AuthdOptions o = load("credentials:\n  file: /data/creds.yaml\n");

        assertThat(o.credentials().file()).isEqualTo(Path.of("/data/creds.yaml"));
    }

    @Test
    void realmEntryTakesTheDefaultPolicyForKeysItLeavesOut() {
        AuthdOptions o = load("""
                realms:
                  - name: a.example
                  - name: b.example
                    nonceLifetime: 1m
                """);

        assertThat(o.realms().get(0)).isEqualTo(RealmOptions.defaults("a.example"));
        assertThat(o.realms().get(1).nonceLifetime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(o.realms().get(1).algorithms()).isEqualTo(RealmOptions.DEFAULT_ALGORITHMS);
    }

    @Test
    void defaultRealmIsTheFirstRealmUnlessSet() {
        String realms = """
                realms:
                  - name: a.example
                  - name: b.example
                """;

        assertThat(load(realms).defaultRealm()).isEqualTo("a.example");
        assertThat(load(realms + "defaultRealm: b.example\n").defaultRealm()).isEqualTo("b.example");
    }

    @Test
    void tokensAndEnumValuesIgnoreCase() {
        AuthdOptions o = load("""
                mode: Production
                nonce:
                  keys: k1
                realms:
                  - name: example.com
                    algorithms: [sha-256, Md5-Sess, SHA-512-256-SESS]
                    qop: [AUTH-INT]
                    sipUriCheck: OFF
                replay:
                  store: Memory
                """);

        RealmOptions r = o.realms().get(0);
        assertThat(o.mode()).isEqualTo(Mode.PRODUCTION);
        assertThat(r.algorithms()).containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5_SESS,
                DigestAlgorithm.SHA_512_256_SESS);
        assertThat(r.qop()).containsExactly(Qop.AUTH_INT);
        assertThat(r.sipUriCheck()).isEqualTo(UriCheck.OFF);
        assertThat(o.replay().store()).isEqualTo("memory");
    }

    @Test
    void durationsTakeShortUnitsOrIso8601() {
        AuthdOptions o = load("""
                realms:
                  - {name: a, nonceLifetime: 250ms}
                  - {name: b, nonceLifetime: 30s}
                  - {name: c, nonceLifetime: 5m}
                  - {name: d, nonceLifetime: 1h}
                  - {name: e, nonceLifetime: 2d}
                  - {name: f, nonceLifetime: PT5M}
                """);

        assertThat(o.realms()).extracting(RealmOptions::nonceLifetime).containsExactly(Duration.ofMillis(250),
                Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(2),
                Duration.ofMinutes(5));
    }

    @Test
    void allowNoQopPermitsAnEmptyQopList() {
        RealmOptions r = load(Configs.realm("allowNoQop: true\nqop: []")).realms().get(0);

        assertThat(r.qop()).isEmpty();
        assertThat(r.allowNoQop()).isTrue();
    }

    @Test
    void nextNonceAfterOneMeansNeverAndIsAccepted() {
        assertThat(load(Configs.realm("nextNonceAfter: 1")).realms().get(0).nextNonceAfter()).isEqualTo(1.0);
    }

    @Test
    void portZeroAsksForAnEphemeralPort() {
        assertThat(load("listen:\n  public:\n    port: 0\n").listen().publicApi().port()).isZero();
    }

    @Test
    void productionModeWithAKeyFileLoads() {
        AuthdOptions o = load("mode: production\nnonce:\n  keyFile: /run/secrets/nonce\n");

        assertThat(o.mode()).isEqualTo(Mode.PRODUCTION);
        assertThat(o.nonce().keyFile()).isEqualTo(Path.of("/run/secrets/nonce"));
    }

    @Test
    void loadedOptionsAreFrozen() {
        AuthdOptions o = load(Configs.realm("algorithms: [MD5]"));

        assertThatThrownBy(() -> o.realms().add(RealmOptions.defaults("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> o.realms().get(0).algorithms().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static AuthdOptions withCredentialsIn(Path dir, AuthdOptions o) {
        return new AuthdOptions(o.mode(), o.listen(), o.instances(), o.defaultRealm(), o.realms(), o.nonce(),
                new CredentialsOptions(o.credentials().store(), dir.resolve("credentials.yaml"),
                        o.credentials().reloadInterval(), o.credentials().postgres(), o.credentials().cache()),
                o.replay(), o.lockout(), o.limits(), o.admin(), o.logging(), o.shutdown(), o.metrics());
    }
}
