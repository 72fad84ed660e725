package io.authd.credentials.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * The news a replica's trigger sends on the notify channel: {@code {"realm":"...","username":"..."}}, as
 * PostgreSQL's {@code json_build_object} writes it. Other members are ignored, so the trigger may say more.
 */
record ChangedUser(String realm, String username) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The change {@code payload} announces, or empty when it is not such an object. */
    static Optional<ChangedUser> parse(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            JsonNode realm = node.path("realm");
            JsonNode username = node.path("username");
            return node.isObject() && realm.isTextual() && username.isTextual()
                    ? Optional.of(new ChangedUser(realm.asText(), username.asText()))
                    : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
