package io.authd.api.http;

import io.vertx.core.http.HttpServerRequest;

/** The HTTP/JSON answer to a caller over its request limit: 429 with the error object and Retry-After. */
public final class RateLimitReply {
    private RateLimitReply() {
    }

    /** @param retryAfterSeconds whole seconds until the caller has a request again (RFC 9110 §10.2.3) */
    public static void send(HttpServerRequest req, long retryAfterSeconds) {
        req.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        Replies.error(req, ApiError.rateLimited());
    }
}
