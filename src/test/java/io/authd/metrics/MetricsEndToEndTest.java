package io.authd.metrics;

import io.authd.testing.ClientDigest;
import io.authd.testing.EndToEndTest;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A real server's {@code /metrics} after real traffic: each decision counted once, under the right tags. */
class MetricsEndToEndTest extends EndToEndTest {
    private static final String DECISIONS = "authd_decisions_total";
    private static final String URI = "/metrics-test";

    @Test
    void eachDecisionIsCountedOnceUnderItsOutcomeReasonSchemeAlgorithmProtocolAndApi() throws Exception {
        PrometheusScrape before = scrape();
        String challenge = challenge("SHA-256");
        JsonObject allowed = verifyRequest(challenge, "wonderland", "00000001");
        assertThat(verify(allowed)).isEqualTo("ok");
        assertThat(verify(allowed)).isEqualTo("replayed_nonce");
        assertThat(verify(verifyRequest(challenge, "not-the-password", "00000002"))).isEqualTo("bad_credentials");
        assertThat(forwardAuthWithoutCredentials().statusCode()).isEqualTo(401);
        PrometheusScrape after = scrape();

        Map<String, String> digest = Map.of("api", "json", "protocol", "http", "scheme", "digest",
                "algorithm", "SHA-256");
        assertThat(delta(before, after, DECISIONS, with(digest, "outcome", "allow", "reason", "ok"))).isEqualTo(1);
        assertThat(delta(before, after, DECISIONS, with(digest, "outcome", "challenge", "reason", "replayed_nonce")))
                .isEqualTo(1);
        assertThat(delta(before, after, DECISIONS, with(digest, "outcome", "challenge", "reason", "bad_credentials")))
                .isEqualTo(1);
        assertThat(delta(before, after, DECISIONS, Map.of("api", "forward_auth", "protocol", "http", "scheme", "none",
                "algorithm", "none", "outcome", "challenge", "reason", "missing_credentials"))).isEqualTo(1);
        assertThat(delta(before, after, DECISIONS, Map.of())).isEqualTo(4);
        assertThat(delta(before, after, "authd_nonces_total", Map.of("event", "replayed"))).isEqualTo(1);
        // One challenge offering SHA-256, one forward-auth challenge offering every algorithm of example.com (6),
        // and the replayed and bad answers' fresh challenges (6 each).
        assertThat(delta(before, after, "authd_nonces_total", Map.of("event", "minted"))).isEqualTo(1 + 6 + 6 + 6);
    }

    @Test
    void staleAndInvalidNoncesAreCountedAsNonceEvents() throws Exception {
        String challenge = challenge("SHA-256");
        PrometheusScrape before = scrape();
        assertThat(verify(verifyRequest(challenge.replaceFirst("nonce=\"A", "nonce=\"B"), "wonderland", "00000001")))
                .isEqualTo("invalid_nonce");
        server.clock.advance(Duration.ofMinutes(6));
        assertThat(verify(verifyRequest(challenge, "wonderland", "00000001"))).isEqualTo("stale_nonce");
        PrometheusScrape after = scrape();

        assertThat(delta(before, after, "authd_nonces_total", Map.of("event", "invalid"))).isEqualTo(1);
        assertThat(delta(before, after, "authd_nonces_total", Map.of("event", "stale"))).isEqualTo(1);
        assertThat(delta(before, after, DECISIONS, Map.of("reason", "stale_nonce", "algorithm", "SHA-256"))).isEqualTo(1);
    }

    @Test
    void sipVerificationsAreTaggedWithTheSipProtocol() throws Exception {
        PrometheusScrape before = scrape();
        JsonObject sip = new JsonObject().put("protocol", "sip").put("realm", "sip.example.com");
        String challenge = TestServer.headers(server.decision("/v1/challenge",
                sip.copy().put("algorithms", new JsonArray().add("MD5"))), "WWW-Authenticate").get(0);
        String auth = ClientDigest.authorization(challenge, "alice", "wonderland", "REGISTER", "sip:sip.example.com",
                "00000001", "c", "auth", null);
        JsonObject d = server.decision("/v1/verify", sip.copy().put("method", "REGISTER")
                .put("uri", "sip:sip.example.com").put("authorization", auth));
        assertThat(d.getString("outcome")).isEqualTo("allow");
        PrometheusScrape after = scrape();

        assertThat(delta(before, after, DECISIONS, Map.of("protocol", "sip", "api", "json", "algorithm", "MD5",
                "outcome", "allow"))).isEqualTo(1);
        assertThat(delta(before, after, "authd_challenge_duration_seconds_count", Map.of("protocol", "sip", "api", "json")))
                .isEqualTo(1);
    }

    @Test
    void latencyHistogramsHaveTheSubMillisecondBuckets() throws Exception {
        assertThat(verify(verifyRequest(challenge("SHA-256"), "wonderland", "00000001"))).isEqualTo("ok");
        PrometheusScrape scrape = scrape();

        for (String histogram : new String[] {"authd_verify_duration_seconds", "authd_challenge_duration_seconds"}) {
            assertThat(scrape.all(histogram + "_bucket")).extracting(s -> s.labels().get("le")).map(MetricsEndToEndTest::bound)
                    .contains(50e-6, 100e-6, 250e-6, 500e-6, 1e-3, 2.5e-3, 5e-3, 10e-3, 25e-3, 50e-3, 0.1, 0.25, 1.0,
                            Double.POSITIVE_INFINITY);
            assertThat(scrape.names()).contains(histogram + "_count", histogram + "_sum");
        }
        Map<String, String> allow = Map.of("api", "json", "protocol", "http", "outcome", "allow");
        assertThat(scrape.sum("authd_verify_duration_seconds_bucket", with(allow, "le", "+Inf")))
                .isEqualTo(scrape.sum("authd_verify_duration_seconds_count", allow)).isPositive();
    }

    @Test
    void scrapeIsPrometheusTextUnlessOpenMetricsIsAsked() throws Exception {
        PrometheusScrape.afterGcPause(server);
        HttpResponse<String> text = server.get(server.managementUrl("/metrics"));
        HttpResponse<String> open = server.get(server.managementUrl("/metrics"),
                "Accept", "application/openmetrics-text; version=1.0.0,text/plain;q=0.5");

        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(text.body()).contains("# TYPE authd_decisions_total counter", "jvm_memory_used_bytes",
                "jvm_gc_pause_seconds", "jvm_threads_live_threads", "process_cpu_usage", "jvm_classes_loaded_classes");
        assertThat(open.headers().firstValue("Content-Type")).hasValue(Metrics.OPENMETRICS_FORMAT);
        assertThat(open.body()).contains("# TYPE authd_decisions counter").endsWith("# EOF\n");
    }

    /** A bucket's {@code le}: a Go float, so {@code +Inf} rather than Java's {@code Infinity}. */
    private static double bound(String le) {
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    private static String challenge(String algorithm) throws Exception {
        JsonObject c = server.decision("/v1/challenge", new JsonObject().put("protocol", "http")
                .put("algorithms", new JsonArray().add(algorithm)));
        return TestServer.headers(c, "WWW-Authenticate").get(0);
    }

    private static JsonObject verifyRequest(String challenge, String password, String nc) {
        return new JsonObject().put("protocol", "http").put("method", "GET").put("uri", URI)
                .put("authorization", ClientDigest.authorization(challenge, "alice", password, "GET", URI, nc,
                        "c" + nc, "auth", null));
    }

    private static String verify(JsonObject request) throws Exception {
        return server.decision("/v1/verify", request).getString("reason");
    }

    private static HttpResponse<String> forwardAuthWithoutCredentials() throws Exception {
        return server.get(server.url("/v1/forward-auth?realm=example.com"));
    }

    private static PrometheusScrape scrape() throws Exception {
        return PrometheusScrape.of(server);
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static Map<String, String> with(Map<String, String> labels, String... more) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }
}
