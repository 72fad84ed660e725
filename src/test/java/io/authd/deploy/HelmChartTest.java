package io.authd.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.authd.config.AuthdOptions;
import io.authd.config.ClientAuth;
import io.authd.config.ConfigLoader;
import io.authd.config.LogFormat;
import io.authd.config.Mode;
import io.authd.testing.Processes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart in helm/authd: lint and render it with every ci/*-values.yaml, and check what Kubernetes would get
 * (security context, probes, selectors, the configuration authd itself must accept, optional objects).
 */
class HelmChartTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, String> SELECTOR = Map.of("app.kubernetes.io/name", "authd",
            "app.kubernetes.io/instance", "authd");
    private static Helm helm;

    @BeforeAll
    static void findHelm() throws Exception {
        helm = Helm.find();
    }

    static Stream<Path> ciValues() throws IOException {
        try (Stream<Path> files = Files.list(Helm.CHART.resolve("ci"))) {
            List<Path> list = files.filter(f -> f.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(8);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValues")
    void lintPasses(Path values) throws Exception {
        Processes.Result r = helm.run("lint", Helm.CHART.toString(), "-f", values.toString());
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValues")
    void podRunsAsNonRootWithReadOnlyRootAndNoCapabilities(Path values) throws Exception {
        JsonNode pod = helm.template(Helm.CHART, values).one("Deployment").at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(container.at("/securityContext/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
        assertThat(mountPath(container, "tmp")).isEqualTo("/tmp");
        assertThat(pod.at("/volumes").findValues("emptyDir")).isNotEmpty();
        assertThat(container.path("resources").isEmpty()).as("resources are left to the user").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValues")
    void probesAskTheManagementPort(Path values) throws Exception {
        JsonNode container = helm.template(Helm.CHART, values).one("Deployment").at("/spec/template/spec/containers/0");

        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("management");
        }
        assertThat(containerPort(container, "management")).isEqualTo(8081);
        assertThat(containerPort(container, "http")).isEqualTo(8080);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValues")
    void selectorsUseOnlyStableLabels(Path values) throws Exception {
        Helm.Rendered r = helm.template(Helm.CHART, values);
        JsonNode deployment = r.one("Deployment");

        assertThat(labels(deployment.at("/spec/selector/matchLabels"))).isEqualTo(SELECTOR);
        assertThat(labels(r.one("Service").at("/spec/selector"))).isEqualTo(SELECTOR);
        assertThat(labels(deployment.at("/spec/template/metadata/labels"))).containsAllEntriesOf(SELECTOR)
                .doesNotContainKey("helm.sh/chart");
        r.ofKind("PodDisruptionBudget").forEach(pdb ->
                assertThat(labels(pdb.at("/spec/selector/matchLabels"))).isEqualTo(SELECTOR));
        deployment.at("/spec/template/spec/topologySpreadConstraints").forEach(c ->
                assertThat(labels(c.at("/labelSelector/matchLabels"))).isEqualTo(SELECTOR));
        assertThat(labels(deployment.at("/metadata/labels"))).containsKey("helm.sh/chart");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValues")
    void renderedConfigurationIsAcceptedByAuthdsOwnLoader(Path values) throws Exception {
        Helm.Rendered r = helm.template(Helm.CHART, values);
        String yaml = r.authdYaml();

        AuthdOptions options = ConfigLoader.load(yaml, Path.of("/etc/authd"), Map.of());

        assertThat(options.mode()).isEqualTo(Mode.PRODUCTION);
        assertThat(options.nonce().keyFile()).isEqualTo(Path.of("/etc/authd/secrets/nonce-keys"));
        assertThat(options.listen().publicApi().port()).isEqualTo(8080);
        assertThat(options.listen().management().port()).isEqualTo(8081);
        assertThat(options.logging().format()).isEqualTo(LogFormat.JSON);
        JsonNode pod = r.one("Deployment").at("/spec/template/spec");
        Duration grace = options.shutdown().total().plusSeconds(10);
        assertThat(pod.path("terminationGracePeriodSeconds").asLong()).as("drain + timeout + 10 s")
                .isEqualTo(grace.toSeconds());
    }

    @Test
    void tlsValuesTurnOnTlsWithRequiredClientCertificatesAndHttpsAppProtocol() throws Exception {
        Helm.Rendered r = helm.template(Helm.CHART, ci("tls"));
        AuthdOptions options = ConfigLoader.load(r.authdYaml(),
                Path.of("/etc/authd"), Map.of());

        assertThat(options.listen().publicApi().tls().enabled()).isTrue();
        assertThat(options.listen().publicApi().tls().clientAuth()).isEqualTo(ClientAuth.REQUIRE);
        assertThat(options.listen().publicApi().tls().clientCaFile()).isEqualTo(Path.of("/etc/authd/tls/ca.crt"));
        assertThat(servicePort(r, "http").path("appProtocol").asText()).isEqualTo("https");
        assertThat(mountPath(r.one("Deployment").at("/spec/template/spec/containers/0"), "tls")).isEqualTo("/etc/authd/tls");
    }

    @Test
    void servicePublicPortCarriesHttpAndGrpcAsH2cBesideThePlainManagementPort() throws Exception {
        Helm.Rendered r = helm.template(Helm.CHART, ci("default"));

        assertThat(servicePort(r, "http").path("appProtocol").asText()).isEqualTo("kubernetes.io/h2c");
        assertThat(servicePort(r, "http").path("port").asInt()).isEqualTo(8080);
        assertThat(servicePort(r, "management").path("appProtocol").asText()).isEqualTo("http");
    }

    @Test
    void optionalObjectsAppearOnlyWhenToggled() throws Exception {
        List<String> defaults = helm.template(Helm.CHART, ci("default")).kinds();
        assertThat(defaults).contains("Deployment", "Service", "ConfigMap", "Secret", "PodDisruptionBudget",
                "ServiceAccount").doesNotContain("HorizontalPodAutoscaler", "ServiceMonitor", "NetworkPolicy");
        assertThat(helm.template(Helm.CHART, ci("default")).one("Deployment").at("/spec/replicas").asInt()).isEqualTo(2);

        Helm.Rendered hpa = helm.template(Helm.CHART, ci("autoscaling"));
        assertThat(hpa.one("HorizontalPodAutoscaler").at("/spec/maxReplicas").asInt()).isEqualTo(12);
        assertThat(hpa.one("Deployment").at("/spec").has("replicas")).as("the HPA owns the replica count").isFalse();

        JsonNode monitor = helm.template(Helm.CHART, ci("servicemonitor")).one("ServiceMonitor");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("management");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");

        JsonNode policy = helm.template(Helm.CHART, ci("networkpolicy")).one("NetworkPolicy");
        assertThat(policy.at("/spec/ingress/1/ports/0/port").asText()).isEqualTo("management");
        assertThat(policy.at("/spec/ingress/1/from/0/namespaceSelector").isMissingNode()).isFalse();

        assertThat(helm.template(Helm.CHART, ci("pdb-disabled")).kinds()).doesNotContain("PodDisruptionBudget");
        Helm.Rendered existing = helm.template(Helm.CHART, ci("existing-secret"));
        assertThat(existing.kinds()).doesNotContain("Secret");
        assertThat(existing.one("Deployment").at("/spec/template/spec/volumes").findValuesAsText("secretName"))
                .contains("authd-keys");
        Helm.Rendered admin = helm.template(Helm.CHART, ci("admin"));
        assertThat(admin.one("Secret").at("/stringData").has("admin-token-hash")).isTrue();
    }

    @Test
    void dashboardConfigMapCarriesTheChartsDashboardsForTheGrafanaSidecar(@TempDir Path dir) throws Exception {
        Path chart = copyChartWithPlaceholderDashboard(dir);

        List<JsonNode> maps = helm.template(chart, ci("dashboard")).ofKind("ConfigMap").stream()
                .filter(m -> m.at("/metadata/labels/grafana_dashboard").asText().equals("1")).toList();
        List<JsonNode> off = helm.template(chart, ci("default")).ofKind("ConfigMap").stream()
                .filter(m -> m.at("/metadata/labels").has("grafana_dashboard")).toList();

        assertThat(maps).hasSize(1);
        assertThat(maps.get(0).at("/data/placeholder-dashboard.json").asText()).contains("\"uid\": \"authd-placeholder\"");
        assertThat(off).isEmpty();
    }

    @Test
    void dashboardConfigMapOfTheRealChartCarriesTheGrafanaDirectorysDashboard() throws Exception {
        List<JsonNode> maps = helm.template(Helm.CHART, ci("dashboard")).ofKind("ConfigMap").stream()
                .filter(m -> m.at("/metadata/labels/grafana_dashboard").asText().equals("1")).toList();

        assertThat(maps).hasSize(1);
        assertThat(maps.get(0).at("/data/authd-dashboard.json").asText()).contains("\"uid\": \"authd-overview\"");
    }

    @Test
    void badValuesAreRefusedByTheSchema() throws Exception {
        for (String bad : List.of("logging.format=xml", "unknownKey=1", "tls.clientAuth=maybe",
                "securityContext.runAsNonRoot=false", "config.mode=demo", "secret.adminTokenHash=plain-token")) {
            Processes.Result r = helm.run("template", "authd", Helm.CHART.toString(), "-f", ci("default").toString(),
                    "--set", bad);
            assertThat(r.exitCode()).as(bad).isNotZero();
            assertThat(r.stderr()).as(bad).contains("values don't meet the specifications of the schema");
        }
    }

    @Test
    void missingNonceKeysStopTheRenderingWithAMessage() throws Exception {
        Processes.Result r = helm.run("template", "authd", Helm.CHART.toString());

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("secret.nonceKeys is required");
    }

    @Test
    void dockerfileRunsAsTheChartsNonRootUserAndExposesTheChartsPorts() throws Exception {
        List<String> dockerfile = Files.readAllLines(Path.of("Dockerfile"));
        JsonNode values = YAML.readTree(Helm.CHART.resolve("values.yaml").toFile());
        JsonNode chart = YAML.readTree(Helm.CHART.resolve("Chart.yaml").toFile());

        assertThat(dockerfile.stream().filter(l -> l.startsWith("FROM ")).count()).as("multi-stage").isEqualTo(2);
        assertThat(dockerfile).contains("USER 10001:10001")
                .contains("EXPOSE " + values.at("/ports/public").asInt() + " " + values.at("/ports/management").asInt());
        assertThat(values.at("/podSecurityContext/runAsUser").asInt()).isEqualTo(10001);
        String image = values.at("/image/repository").asText() + ":" + chart.path("appVersion").asText();
        assertThat(image).isEqualTo("authd:0.1.0");
        assertThat(Files.readString(Path.of("README.md"))).contains("docker build -t " + image + " .");
        assertThat(dockerfile.get(0)).contains("docker build -t " + image + " .");
    }

    private static Path ci(String name) {
        return Helm.CHART.resolve("ci").resolve(name + "-values.yaml");
    }

    /** The chart as it is, but with a placeholder in place of the link to grafana/ (whose dashboards come later). */
    private static Path copyChartWithPlaceholderDashboard(Path dir) throws IOException {
        Path chart = dir.resolve("authd");
        try (Stream<Path> files = Files.walk(Helm.CHART)) {
            for (Path f : files.filter(f -> !f.startsWith(Helm.CHART.resolve("dashboards"))).toList()) {
                Path target = chart.resolve(Helm.CHART.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Files.createDirectories(chart.resolve("dashboards"));
        try (var in = HelmChartTest.class.getResourceAsStream("/helm/placeholder-dashboard.json")) {
            Files.copy(in, chart.resolve("dashboards/placeholder-dashboard.json"));
        }
        return chart;
    }

    private static Map<String, String> labels(JsonNode node) {
        return YAML.convertValue(node, YAML.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }

    private static String mountPath(JsonNode container, String volume) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (m.path("name").asText().equals(volume)) {
                return m.path("mountPath").asText();
            }
        }
        throw new AssertionError("no mount of volume " + volume);
    }

    private static int containerPort(JsonNode container, String name) {
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(name)) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port " + name);
    }

    private static JsonNode servicePort(Helm.Rendered r, String name) {
        for (JsonNode p : r.one("Service").at("/spec/ports")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no service port " + name);
    }
}
