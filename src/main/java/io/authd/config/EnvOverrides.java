package io.authd.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authd.config.ConfigException.Problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Environment overrides (12-factor, Kubernetes): {@code AUTHD_<PATH>} sets the key at PATH, spelled in
 * UPPER_SNAKE_CASE with list indices as numbers ({@code AUTHD_REALMS_0_NONCE_LIFETIME=60s}), and a list of
 * values comma-separated ({@code AUTHD_REALMS_0_ALGORITHMS=SHA-256,MD5}).
 *
 * <p>Variables are matched against the names derived from the option records ({@link ConfigSchema#leaves}),
 * never guessed, so {@code AUTHD_NONCE_KEY_FILE} has one meaning. An {@code AUTHD_*} variable that names no
 * key is an error, because a typo that silently does nothing is worse than one that stops the start; only
 * the variables of the launcher script, the command-line tools and the test scripts are let through. An empty variable is ignored, as if unset: an
 * optional secret that is absent must not blank out the file's value.
 */
final class EnvOverrides {
    /**
     * Read by the launcher script and the command-line tools, not by the configuration: an operator who exported
     * the admin CLI's token must still be able to start the server from the same shell.
     */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("AUTHD_CONFIG", "AUTHD_JAVA_OPTS", "AUTHD_JAVA_HOME",
            "AUTHD_ADMIN_URL", "AUTHD_ADMIN_TOKEN");
    /** The test scripts' own variables ({@code AUTHD_TEST_PG_URI}...), exported into the shell that runs them. */
    private static final String TEST_PREFIX = ConfigSchema.ENV_PREFIX + "TEST_";
    private static final Pattern INDEX = Pattern.compile("_(\\d{1,9})(?=_)");
    private static final String INDEX_PLACEHOLDER = "_<" + ConfigSchema.ANY_INDEX + ">";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EnvOverrides() {
    }

    /**
     * Sets every {@code AUTHD_*} variable of {@code env} in {@code tree}, recording a problem for each that
     * cannot be applied.
     *
     * @return each key path set, with the variable that set it
     */
    static Map<String, String> apply(Map<String, String> env, ObjectNode tree, Problems problems) {
        Map<String, ConfigSchema.Leaf> leaves = ConfigSchema.leaves(AuthdOptions.class).stream()
                .collect(Collectors.toMap(ConfigSchema.Leaf::variable, Function.identity()));
        Map<String, String> sources = new HashMap<>();
        // Sorted, so that problems come out in the same order on every start.
        new TreeMap<>(env).forEach((variable, value) -> {
            if (!variable.startsWith(ConfigSchema.ENV_PREFIX) || LAUNCHER_VARIABLES.contains(variable)
                    || variable.startsWith(TEST_PREFIX)) {
                return;
            }
            List<Integer> indices = new ArrayList<>();
            String pattern = pattern(variable, indices);
            ConfigSchema.Leaf leaf = leaves.get(pattern);
            if (leaf == null) {
                problems.add(variable, "names no configuration key" + Spelling.suggestion(pattern, leaves.keySet()));
            } else if (!value.isEmpty()) {
                String path = set(tree, leaf, indices.iterator(), value, variable, problems);
                if (path != null) {
                    sources.put(path, variable);
                }
            }
        });
        return sources;
    }

    /** {@code AUTHD_REALMS_0_NAME} → {@code AUTHD_REALMS_<i>_NAME}, collecting the indices in order. */
    private static String pattern(String variable, List<Integer> indices) {
        Matcher m = INDEX.matcher(variable);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            indices.add(Integer.parseInt(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement(INDEX_PLACEHOLDER));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Walks the tree along the leaf's steps and sets the value. An index past the end of a list is an error:
     * the environment changes entries of the file, it does not add half-configured ones.
     *
     * @return the key path set, or null when nothing was set
     */
    private static String set(ObjectNode tree, ConfigSchema.Leaf leaf, Iterator<Integer> indices, String value,
                              String variable, Problems problems) {
        JsonNode node = tree;
        String path = "";
        List<String> steps = leaf.steps();
        for (String step : steps.subList(0, steps.size() - 1)) {
            if (step.equals(ConfigSchema.ANY_INDEX)) {
                int i = indices.next();
                if (node.isArray() && i >= node.size()) {
                    problems.add(variable, "there is no " + ConfigSchema.index(path, i) + " to override: " + path
                            + " has " + node.size() + " entries (the environment can change entries, not add them)");
                    return null;
                }
                node = node.path(i);
                path = ConfigSchema.index(path, i);
            } else {
                node = node.path(step);
                path = ConfigSchema.join(path, step);
            }
        }
        if (!(node instanceof ObjectNode section)) {
            return null; // the file has something else than a section here, which the binder reports
        }
        String key = steps.get(steps.size() - 1);
        section.set(key, valueNode(leaf, value));
        return ConfigSchema.join(path, key);
    }

    private static JsonNode valueNode(ConfigSchema.Leaf leaf, String value) {
        if (!ConfigSchema.isList(leaf.type())) {
            return NODES.textNode(value);
        }
        ArrayNode list = NODES.arrayNode();
        Arrays.stream(value.split(",", -1)).map(String::strip).forEach(list::add);
        return list;
    }

    /**
     * Names the variable instead of the key path when the problem is about a value the environment set,
     * since that is where the operator has to look: {@code AUTHD_LISTEN_PUBLIC_PORT: expected a number}.
     */
    static Problem label(Problem problem, Map<String, String> sources) {
        String key = problem.key();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            String path = source.getKey();
            if (key.equals(path) || key.startsWith(path + "[")) {
                return new Problem(source.getValue() + key.substring(path.length()), problem.message());
            }
        }
        return problem;
    }
}
