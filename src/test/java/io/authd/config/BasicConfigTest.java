package io.authd.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.authd.config.Configs.load;
import static io.authd.config.Configs.problems;
import static io.authd.config.Configs.realm;
import static org.assertj.core.api.Assertions.assertThat;

/** A realm's {@code basic} section and {@code bearer.apiKeyHeader}: defaults, checks, environment variables. */
class BasicConfigTest {

    @Test
    void realmWithoutABasicSectionDoesNotAcceptBasic() {
        RealmOptions r = load(realm("algorithms: [MD5]")).realms().get(0);

        assertThat(r.basic()).isNull();
        assertThat(r.basicEnabled()).isFalse();
    }

    @Test
    void enabledBasicRequiresTlsUnlessToldOtherwise() {
        RealmOptions r = load(realm("basic: { enabled: true }")).realms().get(0);

        assertThat(r.basicEnabled()).isTrue();
        assertThat(r.basic().requireTls()).isTrue();
    }

    @Test
    void basicSectionWithoutEnabledStaysOff() {
        RealmOptions r = load(realm("basic: { requireTls: false }")).realms().get(0);

        assertThat(r.basicEnabled()).isFalse();
        assertThat(r.basic().requireTls()).isFalse();
    }

    @Test
    void environmentChangesTheBasicSectionOfTheFile() {
        AuthdOptions o = load(realm("basic: { enabled: false }"), Map.of("AUTHD_REALMS_0_BASIC_ENABLED", "true",
                "AUTHD_REALMS_0_BASIC_REQUIRE_TLS", "false"));

        assertThat(o.realms().get(0).basicEnabled()).isTrue();
        assertThat(o.realms().get(0).basic().requireTls()).isFalse();
    }

    @Test
    void basicValuesMustBeBooleans() {
        assertThat(problems(realm("basic: { enabled: yes }")))
                .startsWith("realms[0].basic.enabled: ");
    }

    @Test
    void unknownBasicKeyIsReportedWithASuggestion() {
        assertThat(problems(realm("basic: { requireTLS: true }")))
                .contains("realms[0].basic.requireTLS: unknown key").contains("requireTls");
    }

    @Test
    void apiKeyHeaderIsNotSetByDefault() {
        RealmOptions r = load(realm("bearer: { apiKeys: true }")).realms().get(0);

        assertThat(r.bearer().apiKeyHeader()).isNull();
        assertThat(r.bearer().apiKeyOutsideAuthorization()).isFalse();
    }

    @Test
    void apiKeyHeaderIsReadWithApiKeys() {
        RealmOptions r = load(realm("bearer: { apiKeys: true, apiKeyHeader: X-API-Key }")).realms().get(0);

        assertThat(r.bearer().apiKeyHeader()).isEqualTo(BearerOptions.USUAL_API_KEY_HEADER);
        assertThat(r.bearer().apiKeyOutsideAuthorization()).isTrue();
    }

    @Test
    void apiKeyHeaderNeedsApiKeys() {
        assertThat(problems(realm("bearer:\n  issuers: []\n  apiKeyHeader: X-API-Key")))
                .contains("realms[0].bearer.apiKeyHeader: needs apiKeys: true");
    }

    @Test
    void apiKeyHeaderMustBeAPlainHeaderName() {
        assertThat(problems(realm("bearer: { apiKeys: true, apiKeyHeader: 'X API:Key' }")))
                .contains("realms[0].bearer.apiKeyHeader: must be a header name of letters, digits and '-'");
    }

    @Test
    void apiKeyHeaderCannotBeACredentialsHeader() {
        assertThat(problems(realm("bearer: { apiKeys: true, apiKeyHeader: authorization }")))
                .contains("realms[0].bearer.apiKeyHeader: must not be authorization");
    }
}
