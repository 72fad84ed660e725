package io.authd.cli;

import io.authd.testing.ServeProcess;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code authd serve} with {@code logging.format: json} writes one JSON object per line, audit events included. */
class ServeJsonLogsTest {

    @Test
    void jsonFormatWritesOneObjectPerLineWithTheAuditFields(@TempDir Path dir) throws Exception {
        TestServer.writeCredentials(dir.resolve("credentials.yaml"));
        String config = """
                listen:
                  public: { host: 127.0.0.1, port: 0 }
                  management: { host: 127.0.0.1, port: 0 }
                credentials: { file: credentials.yaml }
                logging: { format: json, audit: true }
                shutdown: { drain: 0s, timeout: 1s }
                """;
        try (ServeProcess serve = ServeProcess.start(dir, config)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + serve.port + "/v1/verify"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"GET\",\"uri\":\"/\",\"clientAddress\":\"198.51.100.4\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            serve.process.destroy();
            assertThat(serve.process.waitFor(20, TimeUnit.SECONDS)).isTrue();

            // The first line (which file was read) comes before the format is known.
            List<String> lines = serve.output().lines().skip(1).toList();
            List<JsonObject> events = lines.stream().map(JsonObject::new).toList();
            assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.getString("level")).isNotBlank());
            JsonObject audit = events.stream().filter(e -> "authd.audit".equals(e.getString("loggerName")))
                    .findFirst().orElseThrow(() -> new AssertionError("no audit event in:\n" + serve.output()));
            assertThat(audit.getJsonArray("kvpList").encode()).contains("{\"outcome\":\"challenge\"}")
                    .contains("{\"reason\":\"missing_credentials\"}").contains("{\"clientAddress\":\"198.51.100.4\"}");
            assertThat(serve.process.exitValue()).isZero();
        }
    }
}
