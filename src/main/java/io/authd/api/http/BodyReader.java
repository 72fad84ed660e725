package io.authd.api.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import java.util.function.Consumer;

/** Reads a request body up to a limit, so a large or endless body costs at most the limit in memory. */
final class BodyReader {
    /** Verify bodies are a few hundred bytes; auth-int SIP bodies (SDP) a few KiB. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /**
     * Reads the body and hands it to {@code next}. A body over {@link #MAX_BODY_BYTES} is answered here with 413;
     * any other failure is a reset connection, with nobody left to answer.
     */
    static void read(HttpServerRequest req, Consumer<Buffer> next) {
        collect(req).onComplete(ar -> {
            if (ar.succeeded()) {
                next.accept(ar.result());
            } else if (ar.cause() instanceof TooLarge tooLarge) {
                req.response().putHeader("Connection", "close"); // the rest of the body is not read
                Replies.error(req, new ApiError(413, "payload_too_large", tooLarge.getMessage()));
            }
        });
    }

    /** Fails with {@link TooLarge} when the body exceeds {@link #MAX_BODY_BYTES}. */
    private static Future<Buffer> collect(HttpServerRequest req) {
        String length = req.getHeader("Content-Length");
        if (length != null && isOver(length)) {
            return Future.failedFuture(new TooLarge());
        }
        Promise<Buffer> promise = Promise.promise();
        Buffer body = Buffer.buffer();
        req.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_BODY_BYTES) {
                promise.tryFail(new TooLarge());
                req.pause();
                return;
            }
            body.appendBuffer(chunk);
        });
        req.endHandler(v -> promise.tryComplete(body));
        req.exceptionHandler(promise::tryFail);
        return promise.future();
    }

    private static boolean isOver(String length) {
        try {
            return Long.parseLong(length.strip()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false; // Netty refuses a malformed Content-Length before it gets here
        }
    }

    /** The body is over the limit. Carries no stack trace: it is an expected answer, not a bug. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over " + MAX_BODY_BYTES + " bytes", null, false, false);
        }
    }
}
