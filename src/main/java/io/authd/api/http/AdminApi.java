package io.authd.api.http;

import io.authd.admin.AdminToken;
import io.authd.auth.Realms;
import io.authd.credentials.ApiKeyAdmin;
import io.authd.credentials.CredentialAdmin;
import io.authd.credentials.CredentialInvalidation;
import io.authd.credentials.UserChanges;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The admin API on the management port: users of the configured realms, listed and changed through the
 * {@link CredentialAdmin} of the credential store. Every path under {@code /admin/} answers 404
 * {@code admin_disabled} while no token is configured, and 401 without the right bearer token, before it says
 * anything else (even whether a path or realm exists). Paths and codes are in {@code openapi.yaml}.
 */
final class AdminApi implements Handler<RoutingContext> {
    /** Where {@link ManagementApi} mounts this handler. */
    static final String MOUNT = "/admin/*";
    private static final String BEARER = "Bearer ";

    private final Realms realms;
    private final AdminToken token;
    private final Optional<AdminUsers> users;
    private final Optional<AdminApiKeys> apiKeys;

    /**
     * @param admin        the store's write side; empty when the store takes no changes (every user path then
     *                     answers 409 {@code read_only_store})
     * @param invalidation told of every user changed, so that a cache drops it at once
     */
    AdminApi(Realms realms, Optional<CredentialAdmin> admin, AdminToken token, CredentialInvalidation invalidation) {
        this.realms = realms;
        this.token = token;
        this.users = admin.map(a -> new AdminUsers(a, invalidation));
        this.apiKeys = admin.filter(ApiKeyAdmin.class::isInstance).map(a -> new AdminApiKeys((ApiKeyAdmin) a));
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        if (!token.enabled()) {
            Replies.error(req, ApiError.adminDisabled());
            return;
        }
        // A missing header is compared as an empty token, so that it costs the same as a wrong one.
        if (!token.matches(bearer(req))) {
            req.response().putHeader("WWW-Authenticate", "Bearer realm=\"authd-admin\"");
            Replies.error(req, ApiError.unauthorized());
            return;
        }
        switch (AdminPath.parse(req.path())) {
            case Decoded.Ok<AdminPath> ok -> route(req, ok.value());
            case Decoded.Invalid<AdminPath> bad -> Replies.error(req, bad.error());
        }
    }

    private void route(HttpServerRequest req, AdminPath path) {
        if (realms.resolve(path.realm()).isEmpty()) {
            Replies.error(req, new ApiError(404, "unknown_realm", "realm '" + path.realm() + "' is not configured"));
        } else if (users.isEmpty() || apiKeys.isEmpty() && isApiKeyPath(path)) {
            Replies.error(req, AdminUsers.readOnlyStore("it has no admin interface"));
        } else {
            switch (path) {
                case AdminPath.Users p -> users(req, users.get(), p.realm());
                case AdminPath.User p -> user(req, users.get(), p.realm(), p.username());
                case AdminPath.ApiKeys p -> apiKeys.get().keys(req, p.realm(), AdminApi::jsonBody);
                case AdminPath.ApiKey p -> apiKeys.get().key(req, p.realm(), p.id());
            }
        }
    }

    private static boolean isApiKeyPath(AdminPath path) {
        return path instanceof AdminPath.ApiKeys || path instanceof AdminPath.ApiKey;
    }

    private static void users(HttpServerRequest req, AdminUsers users, String realm) {
        switch (req.method().name()) {
            case "GET" -> users.list(req, realm);
            case "POST" -> jsonBody(req, body -> users.create(req, realm, body));
            default -> Replies.methodNotAllowed(req, "GET, POST");
        }
    }

    /** Usernames in paths are looked up as stored (NFC); one that breaks the rules cannot exist, and says why. */
    private static void user(HttpServerRequest req, AdminUsers users, String realm, String rawUsername) {
        Optional<String> problem = UserChanges.userProblem(realm, rawUsername);
        if (problem.isPresent()) {
            Replies.error(req, new ApiError(400, "invalid_field", problem.get()));
            return;
        }
        String username = UserChanges.username(rawUsername);
        switch (req.method().name()) {
            case "GET" -> users.get(req, realm, username);
            case "PATCH" -> jsonBody(req, body -> users.update(req, realm, username, body));
            case "DELETE" -> users.delete(req, realm, username);
            default -> Replies.methodNotAllowed(req, "GET, PATCH, DELETE");
        }
    }

    /** The body, once read within the limit and declared as JSON (415 otherwise). */
    static void jsonBody(HttpServerRequest req, Consumer<byte[]> next) {
        BodyReader.read(req, body -> {
            String type = req.getHeader("Content-Type");
            String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (media.equals("application/json")) {
                next.accept(body);
            } else {
                Replies.error(req, new ApiError(415, "unsupported_media_type", "the body must be JSON"
                        + " (Content-Type: application/json)"));
            }
        });
    }

    /** The token of an {@code Authorization: Bearer} header (RFC 6750 §2.1), else empty. */
    private static String bearer(HttpServerRequest req) {
        String value = req.getHeader("Authorization");
        if (value == null || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "";
        }
        return value.substring(BEARER.length()).strip();
    }
}
