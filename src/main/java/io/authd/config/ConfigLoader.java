package io.authd.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.authd.config.ConfigException.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads the configuration: the defaults, then the YAML file over them, then the {@code AUTHD_*} environment
 * variables over both ({@link EnvOverrides}), then the records' own checks. The result is frozen; anything
 * wrong throws one {@link ConfigException} that lists every problem found. See docs/configuration.md.
 */
public final class ConfigLoader {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            // YAML 1.1 reads off/on/yes/no as booleans, which would turn "sipUriCheck: off" into false.
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            // With YAML's "last one wins", half of a realm's settings would vanish silently.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigLoader() {
    }

    /** Loads {@code file}; relative paths inside it are resolved against its directory. */
    public static AuthdOptions load(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(List.of(new Problem(file.toString(), "cannot read the file: " + e)));
        }
        return load(text, file.toString(), file.toAbsolutePath().getParent(), env);
    }

    /** Loads YAML text as if it were a file in {@code baseDir}. An empty text means every default. */
    public static AuthdOptions load(String yamlText, Path baseDir, Map<String, String> env) {
        return load(yamlText, "configuration", baseDir, env);
    }

    /** Every default (one realm, {@code example.com}) with the environment applied; paths relative to the working directory. */
    public static AuthdOptions defaults(Map<String, String> env) {
        return load("", "defaults", Path.of(""), env);
    }

    private static AuthdOptions load(String text, String source, Path baseDir, Map<String, String> env) {
        ObjectNode tree = (ObjectNode) ConfigTree.overlay(AuthdOptions.class, defaultsTree(), parse(text, source));
        Problems problems = new Problems();
        Map<String, String> sources = EnvOverrides.apply(env, tree, problems);
        AuthdOptions options = new Binder(baseDir.toAbsolutePath(), problems).bind(AuthdOptions.class, tree);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.list().stream().map(p -> EnvOverrides.label(p, sources)).toList());
        }
        return options;
    }

    /** The defaults as a document, fresh for each load. defaultRealm is left out: its default is whichever realm comes first. */
    private static ObjectNode defaultsTree() {
        ObjectNode tree = (ObjectNode) ConfigTree.of(AuthdOptions.DEFAULTS);
        tree.remove("defaultRealm");
        return tree;
    }

    /** The file as a tree; an empty file (or one of only comments) is an empty mapping: every default. */
    private static JsonNode parse(String text, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(new Problem(source, "malformed YAML" + where(e) + ": " + summary(e))));
        }
        if (root == null || root.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!root.isObject()) {
            throw new ConfigException(List.of(new Problem(source, "expected a mapping of keys at the top level, got "
                    + Binder.describe(root))));
        }
        return root;
    }

    private static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** The parser's own words without the excerpt and position lines it appends (the position is given above). */
    private static String summary(JsonProcessingException e) {
        return e.getOriginalMessage().lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
    }
}
