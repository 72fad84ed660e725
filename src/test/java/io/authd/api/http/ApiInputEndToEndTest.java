package io.authd.api.http;

import io.authd.testing.EndToEndTest;
import io.authd.testing.Processes;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Invalid API input is HTTP 400 (or 404/405/413) with the contract's error object, never a Decision. */
class ApiInputEndToEndTest extends EndToEndTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON|hello|invalid_json",
            "JSON array|[1,2]|invalid_json",
            "truncated object|'{\"method\":\"GET\"'|invalid_json",
            "trailing garbage|'{\"method\":\"GET\",\"uri\":\"/\"} x'|invalid_json",
            "duplicate key|'{\"method\":\"GET\",\"uri\":\"/\",\"uri\":\"/b\"}'|invalid_json",
            "missing method|'{\"uri\":\"/\"}'|missing_field",
            "missing uri|'{\"method\":\"GET\"}'|missing_field",
            "empty method|'{\"method\":\"\",\"uri\":\"/\"}'|missing_field",
            "method a number|'{\"method\":5,\"uri\":\"/\"}'|invalid_field",
            "uri an object|'{\"method\":\"GET\",\"uri\":{}}'|invalid_field",
            "unknown protocol|'{\"method\":\"GET\",\"uri\":\"/\",\"protocol\":\"xmpp\"}'|invalid_field",
            "protocol in capitals|'{\"method\":\"GET\",\"uri\":\"/\",\"protocol\":\"SIP\"}'|invalid_field",
            "unknown role|'{\"method\":\"GET\",\"uri\":\"/\",\"role\":\"gateway\"}'|invalid_field",
            "unknown realm|'{\"method\":\"GET\",\"uri\":\"/\",\"realm\":\"nowhere\"}'|unknown_realm",
            "authorization a number|'{\"method\":\"GET\",\"uri\":\"/\",\"authorization\":7}'|invalid_field",
            "authorization array of numbers|'{\"method\":\"GET\",\"uri\":\"/\",\"authorization\":[7]}'|invalid_field",
            "body not base64|'{\"method\":\"GET\",\"uri\":\"/\",\"body\":\"***\"}'|invalid_field",
            "unknown algorithm|'{\"method\":\"GET\",\"uri\":\"/\",\"algorithms\":[\"SHA-1\"]}'|invalid_field",
            "algorithm not in realm|'{\"method\":\"GET\",\"uri\":\"/\",\"realm\":\"md5.example.com\",\"algorithms\":[\"SHA-256\"]}'|invalid_field",
            "empty algorithms|'{\"method\":\"GET\",\"uri\":\"/\",\"algorithms\":[]}'|invalid_field",
            "binding realm without client|'{\"method\":\"GET\",\"uri\":\"/\",\"realm\":\"bound.example.com\"}'|missing_field",
            "deep nesting|'{\"x\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],\"method\":\"GET\",\"uri\":\"/\"}'|invalid_json",
    })
    void invalidVerifyInputIs400WithTheErrorObject(String name, String body, String code) throws Exception {
        HttpResponse<String> r = server.post("/v1/verify", body);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonObject error = new JsonObject(r.body()).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo(code);
        assertThat(error.getString("message")).isNotBlank();
    }

    @Test
    void fieldErrorsNameTheField() throws Exception {
        HttpResponse<String> r = server.post("/v1/verify", "{\"method\":\"GET\",\"uri\":\"/\",\"algorithms\":[\"MD5\",\"SHA-3\"]}");
        assertThat(new JsonObject(r.body()).getJsonObject("error").getString("message")).startsWith("algorithms[1]:");
    }

    @Test
    void jsonErrorsDoNotEchoTheInput() throws Exception {
        HttpResponse<String> r = server.post("/v1/verify", "{\"authorization\": Digest username=secretvalue}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("secretvalue");
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() throws Exception {
        HttpResponse<String> r = server.post("/v1/verify", "{\"method\":\"GET\",\"uri\":\"/\",\"future\":{\"a\":[1]}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getString("reason")).isEqualTo("missing_credentials");
    }

    @Test
    void challengeValidatesItsInputToo() throws Exception {
        assertThat(server.post("/v1/challenge", "{\"protocol\":\"ftp\"}").statusCode()).isEqualTo(400);
        assertThat(server.post("/v1/challenge", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        String big = "{\"method\":\"GET\",\"uri\":\"/\",\"pad\":\"" + "a".repeat(70_000) + "\"}";
        HttpResponse<String> r = server.post("/v1/verify", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code")).isEqualTo("payload_too_large");
    }

    @Test
    void oversizeHeadersAreRefusedByTheHttpLayer() throws Exception {
        HttpResponse<String> r = server.get(server.url("/v1/forward-auth"), "Authorization", "Digest " + "a".repeat(20_000));
        assertThat(r.statusCode()).isIn(400, 431);
    }

    @Test
    void verifyTakesOnlyPost() throws Exception {
        HttpResponse<String> r = server.get(server.url("/v1/verify"));
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertThat(server.get(server.url("/v2/verify")).statusCode()).isEqualTo(404);
    }

    @Test
    void openApiDocumentIsServed() throws Exception {
        HttpResponse<String> r = server.get(server.url("/openapi.yaml"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("openapi: 3").contains("/v1/verify").contains("/v1/forward-auth");
    }

    @Test
    void healthEndpointsAnswerOnTheManagementPort() throws Exception {
        String base = "http://127.0.0.1:" + server.managementPort();
        assertThat(server.get(base + "/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = server.get(base + "/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(ready.body()).getString("status")).isEqualTo("UP");
        assertThat(server.get(server.url("/health/live")).statusCode()).as("not on the public port").isEqualTo(404);
    }

    /**
     * curl's h2c upgrade (HTTP/1.1 with Upgrade: h2c, answered over HTTP/2). The JDK HttpClient's upgrade stalled
     * now and then on a loaded machine until the server's 60 s idle timeout (three times in full runs; 300 curl
     * upgrades in a row never did), so the test uses the client people use.
     */
    @Test
    void http2CleartextUpgradeIsServedOnThePublicPort() throws Exception {
        Processes.Result r = Processes.run(List.of(Processes.require("curl"), "-s", "-o", "/dev/null", "--max-time", "10",
                "-w", "%{http_code} %{http_version}", "--http2", server.url("/openapi.yaml")));

        assertThat(r.stdout()).as(r.stderr()).isEqualTo("200 2");
    }
}
