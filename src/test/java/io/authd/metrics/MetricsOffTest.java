package io.authd.metrics;

import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsOffTest {
    @TempDir
    Path dir;

    @Test
    void metricsTurnedOffAnswer404AndTheApiStillServes() throws Exception {
        try (TestServer server = TestServer.startWith(dir, TestKeys.ring(1), MutableClock.at("2026-11-23T10:00:00Z"),
                TestServer.CONFIG + "metrics:\n  enabled: false\n")) {
            JsonObject challenge = server.decision("/v1/challenge", new JsonObject());
            HttpResponse<String> metrics = server.get(server.managementUrl("/metrics"));

            assertThat(challenge.getString("outcome")).isEqualTo("challenge");
            assertThat(metrics.statusCode()).isEqualTo(404);
            assertThat(new JsonObject(metrics.body()).getJsonObject("error").getString("message"))
                    .contains("metrics.enabled: false");
        }
    }
}
