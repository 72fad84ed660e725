package io.authd.api.http;

import io.authd.credentials.CredentialAdmin;
import io.authd.credentials.CredentialInvalidation;
import io.authd.credentials.UserChange;
import io.authd.credentials.UserCredentials;
import io.authd.credentials.UserEntry;
import io.authd.credentials.WriteResult;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The user operations of the admin API, for a caller already authenticated, in a configured realm, with a
 * username that obeys the rules. Each successful write is logged (names only) and announced to the
 * {@link CredentialInvalidation} so that no cache keeps serving the old user.
 */
final class AdminUsers {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(AdminUsers.class);

    private final CredentialAdmin admin;
    private final CredentialInvalidation invalidation;

    AdminUsers(CredentialAdmin admin, CredentialInvalidation invalidation) {
        this.admin = admin;
        this.invalidation = invalidation;
    }

    /** One page; asks the store for one user more than the limit, so the last page says it is the last. */
    void list(HttpServerRequest req, String realm) {
        OptionalInt parsed = limit(req.getParam("limit"));
        if (parsed.isEmpty()) {
            Replies.error(req, ApiError.invalidField("limit", "expected an integer from 1 to " + MAX_LIMIT));
            return;
        }
        int limit = parsed.getAsInt();
        String after = req.getParam("after");
        answer(req, admin.list(realm, after == null || after.isEmpty() ? null : after, limit + 1), page -> {
            List<UserEntry> shown = page.size() > limit ? page.subList(0, limit) : page;
            String next = page.size() > limit ? shown.getLast().username() : null;
            Replies.json(req, 200, JsonWriter.users(shown, next));
        });
    }

    void get(HttpServerRequest req, String realm, String username) {
        answer(req, admin.get(realm, username), user -> user.ifPresentOrElse(
                u -> Replies.json(req, 200, JsonWriter.user(u)),
                () -> Replies.error(req, userNotFound(realm, username))));
    }

    void create(HttpServerRequest req, String realm, byte[] body) {
        switch (UserFields.newUser(realm, body)) {
            case Decoded.Ok<UserCredentials> ok ->
                    written(req, realm, ok.value().username(), admin.create(ok.value()));
            case Decoded.Invalid<UserCredentials> bad -> Replies.error(req, bad.error());
        }
    }

    void update(HttpServerRequest req, String realm, String username, byte[] body) {
        switch (UserFields.change(realm, username, body)) {
            case Decoded.Ok<UserChange> ok ->
                    written(req, realm, username, admin.update(realm, username, ok.value()));
            case Decoded.Invalid<UserChange> bad -> Replies.error(req, bad.error());
        }
    }

    void delete(HttpServerRequest req, String realm, String username) {
        written(req, realm, username, admin.delete(realm, username));
    }

    private void written(HttpServerRequest req, String realm, String username, Future<WriteResult> write) {
        answer(req, write, result -> {
            changed(result).ifPresent(verb -> {
                invalidation.invalidate(realm, username);
                LOG.info("admin API: {} {} in realm {} ({} from {})", verb, username, realm, req.method(),
                        req.remoteAddress());
            });
            reply(req, realm, username, result);
        });
    }

    /** What a write did to the user, for the log; empty when it changed nothing. */
    private static Optional<String> changed(WriteResult result) {
        return switch (result) {
            case WriteResult.Created created -> Optional.of("created");
            case WriteResult.Updated updated -> Optional.of("updated");
            case WriteResult.Deleted deleted -> Optional.of("deleted");
            case WriteResult.NotFound n -> Optional.empty();
            case WriteResult.AlreadyExists e -> Optional.empty();
            case WriteResult.ReadOnly r -> Optional.empty();
        };
    }

    private static void reply(HttpServerRequest req, String realm, String username, WriteResult result) {
        switch (result) {
            case WriteResult.Created created -> {
                req.response().putHeader("Location", AdminPaths.user(realm, username));
                Replies.json(req, 201, JsonWriter.user(created.user()));
            }
            case WriteResult.Updated updated -> Replies.json(req, 200, JsonWriter.user(updated.user()));
            case WriteResult.Deleted deleted -> req.response().setStatusCode(204).end();
            case WriteResult.NotFound notFound -> Replies.error(req, userNotFound(realm, username));
            case WriteResult.AlreadyExists exists -> Replies.error(req, new ApiError(409, "user_exists",
                    "user '" + username + "' already exists in realm '" + realm + "'; PATCH it to change it"));
            case WriteResult.ReadOnly readOnly -> Replies.error(req, readOnlyStore(readOnly.reason()));
        }
    }

    /** A failed future is a store that could not answer: nothing the caller can rely on changed. */
    static <T> void answer(HttpServerRequest req, Future<T> future, Consumer<T> onResult) {
        future.onComplete(ar -> {
            if (ar.succeeded()) {
                onResult.accept(ar.result());
            } else {
                LOG.warn("admin API: credential store failed: {}", ar.cause().toString());
                req.response().putHeader("Retry-After", "1");
                Replies.error(req, new ApiError(503, "store_unavailable", "the credential store cannot be reached or"
                        + " written; try again"));
            }
        });
    }

    static ApiError readOnlyStore(String reason) {
        return new ApiError(409, "read_only_store", "the credential store takes no changes: " + reason);
    }

    private static ApiError userNotFound(String realm, String username) {
        return new ApiError(404, "user_not_found", "no user '" + username + "' in realm '" + realm + "'");
    }

    /** The {@code limit} parameter, {@link #DEFAULT_LIMIT} when absent, empty when not an integer in range. */
    private static OptionalInt limit(String raw) {
        if (raw == null) {
            return OptionalInt.of(DEFAULT_LIMIT);
        }
        if (raw.isEmpty() || raw.length() > 4 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        int limit = Integer.parseInt(raw);
        return limit >= 1 && limit <= MAX_LIMIT ? OptionalInt.of(limit) : OptionalInt.empty();
    }
}
