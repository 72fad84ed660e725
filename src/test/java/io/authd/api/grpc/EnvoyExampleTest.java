package io.authd.api.grpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Envoy configuration is examples/envoy/envoy.yaml, verbatim, and sets the ext_authz filter the
 * way authd needs it. Envoy itself is not installable on this machine, so this checks the settings that
 * decide fail-closed behaviour rather than running Envoy.
 */
class EnvoyExampleTest {
    private static final Path EXAMPLE = Path.of("examples/envoy/envoy.yaml");

    private static JsonNode extAuthz(JsonNode config) {
        JsonNode hcm = config.at("/static_resources/listeners/0/filter_chains/0/filters/0/typed_config");
        for (JsonNode filter : hcm.get("http_filters")) {
            if (filter.get("name").asText().equals("envoy.filters.http.ext_authz")) {
                return filter.get("typed_config");
            }
        }
        throw new AssertionError("no ext_authz filter in " + EXAMPLE);
    }

    @Test
    void readmeShowsTheExampleFileVerbatim() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("```yaml\n" + Files.readString(EXAMPLE) + "```\n");
    }

    @Test
    void extAuthzFilterCallsAuthdOverGrpcV3WithAnExplicitTimeoutAndFailsClosed() throws Exception {
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(EXAMPLE.toFile());
        JsonNode filter = extAuthz(config);

        assertThat(filter.get("@type").asText()).endsWith("envoy.extensions.filters.http.ext_authz.v3.ExtAuthz");
        assertThat(filter.get("transport_api_version").asText()).isEqualTo("V3");
        assertThat(filter.get("failure_mode_allow").asBoolean(true)).isFalse();
        assertThat(filter.at("/grpc_service/envoy_grpc/cluster_name").asText()).isEqualTo("authd");
        assertThat(filter.at("/grpc_service/timeout").asText()).matches("\\d+(\\.\\d+)?s");
        assertThat(filter.has("with_request_body")).as("only qop=auth-int needs the body").isFalse();
        assertThat(filter.has("http_service")).isFalse();
    }

    @Test
    void authdClusterSpeaksHttp2ToThePublicPort() throws Exception {
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(EXAMPLE.toFile());
        JsonNode authd = null;
        for (JsonNode c : config.at("/static_resources/clusters")) {
            if (c.get("name").asText().equals("authd")) {
                authd = c;
            }
        }
        assertThat(authd).isNotNull();
        assertThat(authd.findValue("http2_protocol_options")).isNotNull();
        assertThat(authd.findValue("port_value").asInt()).isEqualTo(8080);
        assertThat(config.at("/static_resources/listeners/0/filter_chains/0/filters/0/typed_config/route_config"
                + "/virtual_hosts/0/routes/0/typed_per_filter_config/envoy.filters.http.ext_authz/check_settings"
                + "/context_extensions/realm").asText()).isEqualTo("example.com");
    }
}
