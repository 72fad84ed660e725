package io.authd.api.http;

import java.util.Optional;

/** The resource an admin API path ({@link AdminPaths}) names, its segments percent-decoded ({@link PathSegment}). */
sealed interface AdminPath {
    String realm();

    /** {@code /admin/v1/realms/{realm}/users} */
    record Users(String realm) implements AdminPath {
    }

    /** {@code /admin/v1/realms/{realm}/users/{username}} */
    record User(String realm, String username) implements AdminPath {
    }

    /** {@code /admin/v1/realms/{realm}/apikeys} */
    record ApiKeys(String realm) implements AdminPath {
    }

    /** {@code /admin/v1/realms/{realm}/apikeys/{id}} */
    record ApiKey(String realm, String id) implements AdminPath {
    }

    /** {@code rawPath} (not decoded: an escaped {@code /} in a username must not split it) as a resource. */
    static Decoded<AdminPath> parse(String rawPath) {
        String[] segments = rawPath.startsWith(AdminPaths.PREFIX)
                ? rawPath.substring(AdminPaths.PREFIX.length()).split("/", -1) : new String[0];
        boolean keys = segments.length >= 2 && segments[1].equals("apikeys");
        if (segments.length < 2 || segments.length > 3 || !(keys || segments[1].equals("users"))) {
            return Decoded.invalid(ApiError.notFound("no such admin path; see /openapi.yaml on the public port"));
        }
        Optional<String> realm = PathSegment.decode(segments[0]);
        Optional<AdminPath> path = segments.length == 2 ? realm.map(r -> keys ? new ApiKeys(r) : new Users(r))
                : realm.flatMap(r -> PathSegment.decode(segments[2])
                        .map(name -> keys ? new ApiKey(r, name) : new User(r, name)));
        return path.<Decoded<AdminPath>>map(Decoded.Ok::new)
                .orElseGet(() -> Decoded.invalid(ApiError.undecodablePath()));
    }
}
