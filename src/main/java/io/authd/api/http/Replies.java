package io.authd.api.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** JSON answers: a body with its status, or the contract's error body. */
final class Replies {
    // Netty's AsciiStrings with their hash computed once: every answer sets this header.
    private static final CharSequence CONTENT_TYPE = HttpHeaders.CONTENT_TYPE;
    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
    private Replies() {
    }

    static void json(HttpServerRequest req, int status, Buffer body) {
        req.response().setStatusCode(status).putHeader(CONTENT_TYPE, APPLICATION_JSON).end(body);
    }

    /** 405 with the methods {@code allow}ed, e.g. {@code "GET, POST"} (RFC 9110 §15.5.6: Allow is required). */
    static void methodNotAllowed(HttpServerRequest req, String allow) {
        req.response().putHeader("Allow", allow);
        error(req, new ApiError(405, "method_not_allowed", req.path() + " takes " + allow));
    }

    static void error(HttpServerRequest req, ApiError e) {
        if (req.response().ended()) {
            return;
        }
        json(req, e.status(), JsonWriter.error(e));
    }
}
