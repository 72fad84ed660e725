package io.authd.api.http;

/** The paths of the admin API's resources, built for the server's {@code Location} and for its clients. */
public final class AdminPaths {
    static final String PREFIX = "/admin/v1/realms/";

    private AdminPaths() {
    }

    /** {@code /admin/v1/realms/{realm}/users} */
    public static String users(String realm) {
        return PREFIX + PathSegment.encode(realm) + "/users";
    }

    /** {@code /admin/v1/realms/{realm}/users/{username}} */
    public static String user(String realm, String username) {
        return users(realm) + "/" + PathSegment.encode(username);
    }

    /** {@code /admin/v1/realms/{realm}/apikeys} */
    public static String apiKeys(String realm) {
        return PREFIX + PathSegment.encode(realm) + "/apikeys";
    }

    /** {@code /admin/v1/realms/{realm}/apikeys/{id}} */
    public static String apiKey(String realm, String id) {
        return apiKeys(realm) + "/" + PathSegment.encode(id);
    }
}
