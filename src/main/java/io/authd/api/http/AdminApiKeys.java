package io.authd.api.http;

import io.authd.bearer.ScopeTokens;
import io.authd.credentials.ApiKeyAdmin;
import io.authd.credentials.ApiKeyTokens;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The admin API's API keys: create (the key is in that answer only, never again), list (ids, scopes, expiry) and
 * revoke (delete). The store keeps the SHA-256 of the secret; revocation reaches every replica of a shared
 * PostgreSQL store at once because keys are not cached.
 */
final class AdminApiKeys {
    private static final Set<String> FIELDS = Set.of("scopes", "expiresAt");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyAdmin admin;

    AdminApiKeys(ApiKeyAdmin admin) {
        this.admin = admin;
    }

    /** {@code /apikeys}: GET lists, POST creates. */
    void keys(HttpServerRequest req, String realm, BiConsumer<HttpServerRequest, Consumer<byte[]>> jsonBody) {
        switch (req.method().name()) {
            case "GET" -> AdminUsers.answer(req, admin.listApiKeys(realm),
                    keys -> Replies.json(req, 200, JsonWriter.apiKeys(keys)));
            case "POST" -> jsonBody.accept(req, body -> create(req, realm, body));
            default -> Replies.methodNotAllowed(req, "GET, POST");
        }
    }

    /** {@code /apikeys/{id}}: DELETE revokes. */
    void key(HttpServerRequest req, String realm, String id) {
        if (!"DELETE".equals(req.method().name())) {
            Replies.methodNotAllowed(req, "DELETE");
            return;
        }
        AdminUsers.answer(req, admin.revokeApiKey(realm, id), existed -> {
            if (existed) {
                req.response().setStatusCode(204).end();
            } else {
                Replies.error(req, new ApiError(404, "apikey_not_found", "no API key '" + id + "' in realm '" + realm + "'"));
            }
        });
    }

    private void create(HttpServerRequest req, String realm, byte[] body) {
        JsonObject fields;
        try {
            fields = body.length == 0 ? new JsonObject() : new JsonObject(Buffer.buffer(body));
        } catch (DecodeException | ClassCastException e) {
            Replies.error(req, ApiError.invalidJson("expected a JSON object"));
            return;
        }
        List<String> scopes = new ArrayList<>();
        Instant expiresAt;
        try {
            expiresAt = read(fields, scopes);
        } catch (IllegalArgumentException e) {
            Replies.error(req, new ApiError(400, "invalid_field", e.getMessage()));
            return;
        }
        ApiKeyTokens.Issued issued = ApiKeyTokens.issue(realm, scopes, expiresAt, RANDOM);
        AdminUsers.answer(req, admin.createApiKey(issued.key()), done -> {
            req.response().putHeader("Location", AdminPaths.apiKey(realm, issued.key().id()));
            Replies.json(req, 201, JsonWriter.apiKey(issued.key(), issued.token()));
        });
    }

    /** Reads scopes into {@code scopes} and returns the expiry (null: none); throws naming the bad field. */
    private static Instant read(JsonObject fields, List<String> scopes) {
        for (String name : fields.fieldNames()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(name + ": unknown field (known: scopes, expiresAt)");
            }
        }
        Object rawScopes = fields.getValue("scopes");
        if (rawScopes != null) {
            if (!(rawScopes instanceof JsonArray list)) {
                throw new IllegalArgumentException("scopes: expected an array of scope tokens");
            }
            for (Object scope : list) {
                if (!(scope instanceof String s) || !ScopeTokens.isToken(s)) {
                    throw new IllegalArgumentException("scopes: each must be a scope token (RFC 6750 §3)");
                }
                scopes.add(s);
            }
        }
        Object expires = fields.getValue("expiresAt");
        if (expires == null) {
            return null;
        }
        try {
            return Instant.parse(String.valueOf(expires));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expiresAt: expected an ISO-8601 instant such as 2027-01-01T00:00:00Z");
        }
    }
}
