package io.authd.api.http;

/**
 * Invalid API input (contract: "{ "error": { "code", "message" } }"); not a Decision.
 *
 * @param status  HTTP status: 400, or 405 / 404 / 413 / 415 for the request's shape; the admin API adds 401, 409
 *                and 503
 * @param code    stable machine-readable code, documented in the OpenAPI file
 * @param message says which field is wrong and why; never echoes credentials
 */
public record ApiError(int status, String code, String message) {
    public static ApiError invalidJson(String message) {
        return new ApiError(400, "invalid_json", message);
    }

    public static ApiError invalidField(String field, String problem) {
        return new ApiError(400, "invalid_field", field + ": " + problem);
    }

    public static ApiError missingField(String field) {
        return new ApiError(400, "missing_field", field + ": required");
    }

    public static ApiError unknownRealm(String realm) {
        return new ApiError(400, "unknown_realm", "realm: '" + realm + "' is not configured");
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "a valid admin token is required: Authorization: Bearer <token>");
    }

    public static ApiError adminDisabled() {
        return new ApiError(404, "admin_disabled", "the admin API is off; set admin.tokenHash (AUTHD_ADMIN_TOKEN_HASH)"
                + " or admin.tokenHashFile to turn it on");
    }

    public static ApiError undecodablePath() {
        return invalidField("path", "not valid percent-encoded UTF-8");
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    /** The caller made more requests than {@code limits.requestsPerSecond} allows (RFC 6585 §4). */
    public static ApiError rateLimited() {
        return new ApiError(429, "rate_limited", "too many requests from this caller; see Retry-After");
    }
}
