package io.authd.digest;

import io.authd.testing.EndToEndTest;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every hostile input of the parser suites, sent through /v1/verify of a real server: never allow, never an
 * exception surfacing as a 5xx; always a Decision.
 */
class HostileHeadersThroughApiTest extends EndToEndTest {

    static Stream<Arguments> hostile() {
        return Stream.concat(AuthorizationParserTest.malformedHeaders(), DigestCredentialsParserTest.malformedDigest());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileAuthorizationIsNeverAllowedNorA5xx(String description, String header, String keyword) throws Exception {
        for (String protocol : new String[] {"http", "sip"}) {
            JsonObject request = new JsonObject().put("protocol", protocol).put("method", "GET")
                    .put("uri", "/dir/index.html").put("realm", "example.com").put("authorization", header);
            HttpResponse<String> r = server.post("/v1/verify", request.encode());
            assertThat(r.statusCode()).as(description).isIn(200, 413);
            if (r.statusCode() == 200) {
                JsonObject d = new JsonObject(r.body());
                assertThat(d.getString("outcome")).as(description).isIn("deny", "challenge");
                assertThat(d.getString("detail", "")).as("reason never echoes input").doesNotContain("Circle Of Life");
            }
        }
    }
}
