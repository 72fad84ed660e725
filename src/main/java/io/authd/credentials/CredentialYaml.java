package io.authd.credentials;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The YAML form of a {@link CredentialSnapshot}, read and written with Jackson. */
final class CredentialYaml {
    /** Kept at the top of every written file, since Jackson writes no comments. */
    static final String HEADER = """
            # authd credentials file. HA1 = H(username ":" realm ":" password) per hash function (RFC 7616 §3.4.2).
            # Edit with `authd user add|remove|list`; passwords are never stored.
            """;
    /** More problems than this are summarised as a count, to keep the message a readable line. */
    private static final int MAX_REPORTED = 10;

    private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            // A duplicated user or realm key would otherwise silently keep the last entry.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private CredentialYaml() {
    }

    /** Parses {@code text}, read from {@code path} with {@code stamp}; problems are prefixed with the path. */
    static LoadResult parse(Path path, String text, FileStamp stamp) {
        CredentialTree tree = new CredentialTree();
        try (JsonParser parser = MAPPER.createParser(text)) {
            tree.read(MAPPER.readTree(parser));
            if (parser.nextToken() != null) {
                return failed(path, List.of(at(parser.currentLocation()) + "a second YAML document; expected one"));
            }
        } catch (JsonProcessingException e) {
            return failed(path, List.of(syntaxError(e)));
        } catch (IOException e) {
            return failed(path, List.of(SafeFiles.describe(e)));
        }
        if (!tree.problems().isEmpty()) {
            return failed(path, tree.problems());
        }
        return new LoadResult.Loaded(CredentialSnapshot.of(tree.users(), tree.apiKeys()), stamp);
    }

    /** The file content for {@code snapshot}: header, then realms and users in sorted order for stable diffs. */
    static byte[] serialize(CredentialSnapshot snapshot) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", CredentialTree.VERSION);
        ObjectNode realms = root.putObject("realms");
        for (UserCredentials user : snapshot.users()) {
            ObjectNode entry = child(realms, user.realm()).putObject(user.username());
            entry.put("enabled", user.enabled());
            ObjectNode ha1 = entry.putObject("ha1");
            user.ha1().forEach((hash, hex) -> ha1.put(hash.token(), hex));
        }
        if (!snapshot.apiKeys().isEmpty()) {
            ObjectNode keys = root.putObject("apiKeys");
            for (ApiKey key : snapshot.apiKeys()) {
                ObjectNode entry = child(keys, key.realm()).putObject(key.id());
                entry.put("sha256", key.secretHash());
                var scopes = entry.putArray("scopes");
                key.scopes().forEach(scopes::add);
                if (key.expiresAt() != null) {
                    entry.put("expiresAt", key.expiresAt().toString());
                }
            }
        }
        try {
            // Values are double-quoted (no MINIMIZE_QUOTES): an all-digit HA1 must not read back as a number.
            return (HEADER + MAPPER.writeValueAsString(root)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and booleans always serialises", e);
        }
    }

    /** The mapping under {@code name}, added when there is none yet. */
    private static ObjectNode child(ObjectNode parent, String name) {
        return parent.has(name) ? (ObjectNode) parent.get(name) : parent.putObject(name);
    }

    /**
     * A one-line syntax error with its position. For SnakeYAML errors only the context and problem are kept:
     * the full message quotes the offending line, which may hold an HA1.
     */
    private static String syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
            return at(yaml.getProblemMark()) + "YAML syntax error: " + context + yaml.getProblem();
        }
        return at(e.getLocation()) + e.getOriginalMessage().lines().findFirst().orElse("YAML syntax error");
    }

    private static String at(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    private static LoadResult failed(Path path, List<String> problems) {
        String shown = String.join("; ", problems.subList(0, Math.min(problems.size(), MAX_REPORTED)));
        String more = problems.size() > MAX_REPORTED ? "; and " + (problems.size() - MAX_REPORTED) + " more" : "";
        return new LoadResult.Failed(path + ": " + shown + more);
    }

    /** SnakeYAML caps documents at 3 MB by default; the file limit is ours to set. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) CredentialFile.MAX_FILE_BYTES);
        return options;
    }
}
