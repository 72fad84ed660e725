package io.authd.config;

import io.authd.bearer.JwtAlgorithm;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.authd.config.Configs.load;
import static io.authd.config.Configs.problems;
import static org.assertj.core.api.Assertions.assertThat;

/** A realm's {@code bearer} section: its defaults, its checks, and its environment variables. */
class BearerConfigTest {
    private static final String REALM = """
            realms:
              - name: api.example.com
                algorithms: []
                bearer:
                  scope: "read write"
                  issuers:
                    - issuer: https://login.example.com
                      audiences: [authd]
                      algorithms: [rs256, EdDSA]
            """;

    /** The realm with more keys in its issuer entry. */
    private static String issuerLine(String... lines) {
        StringBuilder b = new StringBuilder(REALM);
        for (String line : lines) {
            b.append(" ".repeat(10)).append(line).append('\n');
        }
        return b.toString();
    }

    @Test
    void bearerRealmGetsTheDefaultsForWhatItLeavesOut() {
        RealmOptions realm = load(issuerLine("jwksUri: https://login.example.com/jwks")).realms().get(0);

        BearerOptions bearer = realm.bearer();
        assertThat(bearer.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(bearer.claims()).isEmpty();
        assertThat(bearer.scope()).isEqualTo("read write");
        IssuerOptions issuer = bearer.issuers().get(0);
        assertThat(issuer.algorithms()).containsExactly(JwtAlgorithm.RS256, JwtAlgorithm.EDDSA);
        assertThat(issuer.refreshInterval()).isEqualTo(IssuerOptions.DEFAULT_REFRESH_INTERVAL);
        assertThat(issuer.maxStaleness()).isEqualTo(IssuerOptions.DEFAULT_MAX_STALENESS);
    }

    @Test
    void realmWithoutBearerNeedsADigestAlgorithm() {
        assertThat(problems("realms:\n  - name: a\n    algorithms: []\n"))
                .isEqualTo("realms[0].algorithms: must not be empty");
    }

    @Test
    void issuerNeedsExactlyOneKeySource() {
        assertThat(problems(REALM)).isEqualTo("realms[0].bearer.issuers[0]: set exactly one of jwksUri, keys or keyFile");
        assertThat(problems(issuerLine("jwksUri: https://a.example/jwks", "keys: \"{}\"")))
                .isEqualTo("realms[0].bearer.issuers[0]: set exactly one of jwksUri, keys or keyFile");
    }

    @Test
    void algNoneCannotBeAllowed() {
        assertThat(problems(issuerLine("keys: \"{}\"").replace("[rs256, EdDSA]", "[none]")))
                .startsWith("realms[0].bearer.issuers[0].algorithms[0]: unknown JWS algorithm 'none'");
    }

    @Test
    void issuerWithoutAudiencesIsRefused() {
        assertThat(problems(issuerLine("keys: \"{}\"").replace("audiences: [authd]", "audiences: []")))
                .isEqualTo("realms[0].bearer.issuers[0].audiences: must not be empty");
    }

    @Test
    void jwksUriMustBeAnAbsoluteHttpUri() {
        assertThat(problems(issuerLine("jwksUri: /jwks")))
                .isEqualTo("realms[0].bearer.issuers[0].jwksUri: must be an absolute http(s) URI, got '/jwks'");
    }

    @Test
    void environmentSetsAnIssuersKeys() {
        AuthdOptions o = load(issuerLine("keyFile: keys.pem"),
                Map.of("AUTHD_REALMS_0_BEARER_ISSUERS_0_AUDIENCES", "a,b"));

        IssuerOptions issuer = o.realms().get(0).bearer().issuers().get(0);
        assertThat(issuer.audiences()).isEqualTo(List.of("a", "b"));
        assertThat(issuer.keyFile()).isEqualTo(Path.of("/etc/authd/keys.pem"));
    }
}
