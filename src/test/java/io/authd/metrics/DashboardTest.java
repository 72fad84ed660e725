package io.authd.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.authd.testing.AdminClient;
import io.authd.testing.ClientDigest;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import io.authd.testing.TestPostgres;
import io.authd.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboards in {@code grafana/}: every query reads metrics a real authd serves, and every panel
 * follows the conventions that let one dashboard serve any Prometheus and any namespace.
 */
class DashboardTest {
    private static final Path DASHBOARD = Path.of("grafana", "authd-dashboard.json");
    private static final String DATASOURCE = "${datasource}";
    private static final String REALM = "sip.example.com";
    private static final List<JsonNode> DASHBOARDS = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("grafana"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                DASHBOARDS.add(json.readTree(file.toFile()));
            }
        }
        assertThat(DASHBOARDS).as("dashboards in grafana/").isNotEmpty();
    }

    @Test
    void everyMetricADashboardQueriesIsServedByARealServerAfterTraffic() throws Exception {
        Set<String> queried = new TreeSet<>();
        for (JsonNode dashboard : DASHBOARDS) {
            expressions(dashboard).forEach(e -> queried.addAll(PromQlNames.of(e)));
            variableQueries(dashboard).forEach(q -> queried.addAll(PromQlNames.ofVariableQuery(q)));
        }
        Path memory = Files.createDirectories(dir.resolve("memory"));
        Set<String> served = new TreeSet<>(scrapeAfterTraffic(TestServer.start(memory)));
        served.addAll(scrapeWithDatabaseStores());

        assertThat(queried).as("metric names in the dashboards' queries").hasSizeGreaterThan(20);
        assertThat(served).containsAll(queried);
    }

    @Test
    void overviewDashboardHasAStableUidAndTheRowsOperatorsLookFor() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());

        assertThat(dashboard.path("uid").asText()).isEqualTo("authd-overview");
        List<String> rows = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            if (p.path("type").asText().equals("row")) {
                rows.add(p.path("title").asText());
            }
        });
        assertThat(rows).containsExactly("Traffic by outcome", "Latency", "Rejections by reason", "Nonces",
                "Stores and breakers", "JVM and Vert.x");
        assertThat(expressions(dashboard)).anySatisfy(e -> assertThat(e)
                .startsWith("histogram_quantile(0.99, sum by (le) (rate(authd_verify_duration_seconds_bucket"));
    }

    @Test
    void everyPanelAndQueryUsesTheDatasourceVariable() {
        for (JsonNode dashboard : DASHBOARDS) {
            JsonNode variable = variable(dashboard, "datasource");
            assertThat(variable.path("type").asText()).isEqualTo("datasource");
            assertThat(variable.path("query").asText()).isEqualTo("prometheus");
            List<JsonNode> panels = panels(dashboard);
            assertThat(panels).isNotEmpty().allSatisfy(p -> {
                assertThat(p.path("datasource").path("uid").asText()).as(p.path("title").asText()).isEqualTo(DATASOURCE);
                p.path("targets").forEach(t -> assertThat(t.path("datasource").path("uid").asText())
                        .as(p.path("title").asText()).isEqualTo(DATASOURCE));
            });
        }
    }

    @Test
    void everySeriesIsFilteredByNamespaceAndPodAndRatesUseTheRateInterval() {
        for (JsonNode dashboard : DASHBOARDS) {
            assertThat(variable(dashboard, "namespace").path("definition").asText()).startsWith("label_values(");
            assertThat(variable(dashboard, "pod").path("definition").asText())
                    .startsWith("label_values(").contains("namespace=~\"$namespace\"");
            assertThat(expressions(dashboard)).isNotEmpty().allSatisfy(e -> {
                long selectors = PromQlNames.of(e).stream().mapToLong(n -> occurrences(e, n + "{")).sum();
                assertThat(occurrences(e, "namespace=~\"$namespace\", pod=~\"$pod\"")).as(e).isEqualTo(selectors)
                        .isPositive();
                assertThat(occurrences(e, "rate(")).as(e).isEqualTo(occurrences(e, "[$__rate_interval])"));
            });
        }
    }

    /** A server on PostgreSQL users and a PostgreSQL replay store: cache, breakers, pools, replay store errors. */
    private Set<String> scrapeWithDatabaseStores() throws Exception {
        TestPostgres.requireReachable();
        String schema = TestPostgres.newSchema();
        String postgres = "  store: postgres\n  postgres:\n    uri: " + TestPostgres.URI + "\n    schema: " + schema + "\n";
        Vertx vertx = Vertx.vertx();
        SqlClient admin = TestPostgres.admin(vertx);
        try {
            TestServer server = TestServer.startWith(Files.createDirectories(dir.resolve("postgres")), TestKeys.ring(1),
                    new MutableClock(Instant.now()), TestServer.config(postgres + "    timeout: 5s\n", postgres));
            assertThat(new AdminClient(server).createUser(REALM, "alice", "wonderland").statusCode()).isEqualTo(201);
            return scrapeAfterTraffic(server);
        } finally {
            TestPostgres.dropSchema(admin, schema);
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** Challenge, allow, wrong password and replay on {@code server}, then its scrape's sample names; closes it. */
    private static Set<String> scrapeAfterTraffic(TestServer server) throws Exception {
        try (server) {
            JsonObject sip = new JsonObject().put("protocol", "sip").put("realm", REALM);
            String challenge = TestServer.headers(server.decision("/v1/challenge",
                    sip.copy().put("algorithms", new JsonArray().add("MD5"))), "WWW-Authenticate").get(0);
            for (String password : new String[] {"wonderland", "wonderland", "wrong"}) {
                server.decision("/v1/verify", sip.copy().put("method", "REGISTER").put("uri", "sip:" + REALM)
                        .put("authorization", ClientDigest.authorization(challenge, "alice", password, "REGISTER",
                                "sip:" + REALM, "00000001", "c", "auth", null)));
            }
            return PrometheusScrape.afterGcPause(server).names();
        }
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            panels.add(p);
            p.path("panels").forEach(panels::add); // panels inside collapsed rows
        });
        return panels;
    }

    private static List<String> expressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        panels(dashboard).forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        return exprs;
    }

    private static List<String> variableQueries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(v -> {
            if (v.path("type").asText().equals("query")) {
                queries.add(v.path("definition").asText());
            }
        });
        return queries;
    }

    private static JsonNode variable(JsonNode dashboard, String name) {
        for (JsonNode v : dashboard.path("templating").path("list")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no variable " + name + " in " + dashboard.path("title").asText());
    }

    private static long occurrences(String text, String part) {
        long n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
