package io.authd.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import io.authd.digest.HashFunction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the parsed tree of a credentials file and collects its users. Every problem is recorded with the
 * dotted path of the key it concerns ({@code realms.example.com.alice.ha1.SHA-256}) and checking goes on,
 * so one run reports all problems. Messages never quote an HA1 value.
 */
final class CredentialTree {
    static final int VERSION = 1;
    private static final List<String> TOP_KEYS = List.of("version", "realms", "apiKeys");
    private static final List<String> USER_KEYS = List.of("enabled", "ha1");
    private static final List<String> API_KEY_KEYS = List.of("sha256", "scopes", "expiresAt");

    private final List<String> problems = new ArrayList<>();
    private final List<UserCredentials> users = new ArrayList<>();
    private final List<ApiKey> apiKeys = new ArrayList<>();

    /** Problems found, in file order; empty when the tree is valid. */
    List<String> problems() {
        return problems;
    }

    /** The users read; complete only when there are no problems. */
    List<UserCredentials> users() {
        return users;
    }

    /** The API keys read; complete only when there are no problems. */
    List<ApiKey> apiKeys() {
        return apiKeys;
    }

    /** Checks {@code root}, null for an empty file. */
    void read(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add("the file is empty; expected the keys version and realms");
            return;
        }
        if (!root.isObject()) {
            problems.add("expected a mapping with the keys version and realms at the top level");
            return;
        }
        rejectUnknownKeys("", root, TOP_KEYS);
        readVersion(root.get("version"));
        readRealms(root.get("realms"));
        readApiKeys(root.get("apiKeys"));
    }

    /** {@code apiKeys: {realm: {id: {sha256, scopes, expiresAt}}}}; absent means none. */
    private void readApiKeys(JsonNode node) {
        if (node == null) {
            return;
        }
        if (!node.isObject()) {
            problem("apiKeys", "expected a mapping of realm names, got " + describe(node));
            return;
        }
        node.fields().forEachRemaining(realm -> {
            String path = "apiKeys." + CredentialRules.printable(realm.getKey());
            if (!realm.getValue().isObject()) {
                problem(path, "expected a mapping of API key ids, got " + describe(realm.getValue()));
                return;
            }
            realm.getValue().fields().forEachRemaining(key -> readApiKey(realm.getKey(),
                    path + "." + CredentialRules.printable(key.getKey()), key.getKey(), key.getValue()));
        });
    }

    private void readApiKey(String realm, String path, String id, JsonNode node) {
        if (!node.isObject()) {
            problem(path, "expected a mapping with the keys " + String.join(", ", API_KEY_KEYS) + ", got " + describe(node));
            return;
        }
        rejectUnknownKeys(path + ".", node, API_KEY_KEYS);
        List<String> scopes = new ArrayList<>();
        JsonNode scopesNode = node.get("scopes");
        if (scopesNode != null && !(scopesNode.isArray() && allText(scopesNode))) {
            problem(path + ".scopes", "expected a list of strings");
        } else if (scopesNode != null) {
            scopesNode.forEach(n -> scopes.add(n.textValue()));
        }
        java.time.Instant expiresAt = null;
        JsonNode expires = node.get("expiresAt");
        if (expires != null) {
            try {
                expiresAt = java.time.Instant.parse(expires.asText());
            } catch (java.time.format.DateTimeParseException e) {
                problem(path + ".expiresAt", "expected an ISO-8601 instant such as 2027-01-01T00:00:00Z");
            }
        }
        JsonNode hash = node.get("sha256");
        try {
            apiKeys.add(new ApiKey(realm, id, hash == null ? null : hash.asText(), scopes, expiresAt));
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage());
        }
    }

    private static boolean allText(JsonNode list) {
        for (JsonNode n : list) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private void readVersion(JsonNode version) {
        if (version == null) {
            problem("version", "missing; expected " + VERSION);
        } else if (!version.isInt() || version.intValue() != VERSION) {
            problem("version", "expected " + VERSION + ", got " + describe(version));
        }
    }

    private void readRealms(JsonNode realms) {
        if (realms == null) {
            problem("realms", "missing; expected a mapping of realm names");
        } else if (!realms.isObject()) {
            problem("realms", "expected a mapping of realm names, got " + describe(realms));
        } else {
            realms.fields().forEachRemaining(e -> readRealm(e.getKey(), e.getValue()));
        }
    }

    private void readRealm(String realm, JsonNode node) {
        String path = "realms." + CredentialRules.printable(realm);
        CredentialRules.realmProblem(realm).ifPresent(p -> problem(path, p));
        if (!node.isObject()) {
            problem(path, "expected a mapping of usernames, got " + describe(node));
            return;
        }
        node.fields().forEachRemaining(e -> readUser(realm, path + "." + CredentialRules.printable(e.getKey()),
                e.getKey(), e.getValue()));
    }

    private void readUser(String realm, String path, String username, JsonNode node) {
        CredentialRules.usernameProblem(username).ifPresent(p -> problem(path, p));
        if (!node.isObject()) {
            problem(path, "expected a mapping with the keys enabled and ha1, got " + describe(node));
            return;
        }
        rejectUnknownKeys(path + ".", node, USER_KEYS);
        boolean enabled = readEnabled(path + ".enabled", node.get("enabled"));
        Map<HashFunction, String> ha1 = readHa1(path + ".ha1", node.get("ha1"));
        if (!ha1.isEmpty()) {
            users.add(new UserCredentials(realm, username, ha1, enabled));
        }
    }

    /** Absent means enabled: disabling is the exception an operator writes down. */
    private boolean readEnabled(String path, JsonNode enabled) {
        if (enabled == null) {
            return true;
        }
        if (!enabled.isBoolean()) {
            problem(path, "expected true or false, got " + describe(enabled));
        }
        return enabled.asBoolean();
    }

    private Map<HashFunction, String> readHa1(String path, JsonNode node) {
        Map<HashFunction, String> ha1 = new EnumMap<>(HashFunction.class);
        if (node != null && !node.isObject()) {
            problem(path, "expected a mapping from hash function to HA1, got " + describe(node));
        } else if (node == null || node.isEmpty()) {
            problem(path, "missing; a user needs an HA1 for at least one of " + HashFunction.tokens());
        } else {
            node.fields().forEachRemaining(e -> readOneHa1(path + "." + CredentialRules.printable(e.getKey()),
                    e.getKey(), e.getValue(), ha1));
        }
        return ha1;
    }

    private void readOneHa1(String path, String token, JsonNode value, Map<HashFunction, String> into) {
        Optional<HashFunction> hash = exactToken(token);
        if (hash.isEmpty()) {
            problem(path, "unknown hash function (known: " + HashFunction.tokens() + ")");
            return;
        }
        // A bare all-digit HA1 would be read as a YAML number, so values must be strings (the writer quotes them).
        Optional<String> wrong = value.isTextual()
                ? CredentialRules.ha1Problem(hash.get(), value.textValue())
                : Optional.of("expected a quoted string of " + hash.get().hexLength() + " lowercase hex digits");
        wrong.ifPresentOrElse(p -> problem(path, p), () -> into.put(hash.get(), value.textValue()));
    }

    /** Keys must be spelled as written by the writer, so that a file has one spelling and no duplicates. */
    private static Optional<HashFunction> exactToken(String token) {
        return Arrays.stream(HashFunction.values()).filter(h -> h.token().equals(token)).findFirst();
    }

    private void rejectUnknownKeys(String prefix, JsonNode node, List<String> known) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problem(prefix + CredentialRules.printable(key), "unknown key (known: " + String.join(", ", known) + ")");
            }
        });
    }

    private void problem(String path, String message) {
        problems.add(path + ": " + message);
    }

    /** A value as it may appear in a message: scalars as written (HA1 values are never passed here), else a kind. */
    private static String describe(JsonNode node) {
        if (node.isContainerNode()) {
            return node.isObject() ? "a mapping" : "a list";
        }
        boolean empty = node.isNull() || node.asText().isEmpty(); // Jackson reads a bare "key:" as ""
        return empty ? "nothing" : node.toString();
    }
}
