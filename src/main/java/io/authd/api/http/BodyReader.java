package io.authd.api.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import java.util.function.Consumer;

/**
 * Reads a request body up to a limit, so a large or endless body costs at most the limit in memory. A verify
 * body nearly always arrives in one chunk: that chunk is copied once, straight into the array the JSON parser
 * reads, with no aggregate buffer and no future in between.
 */
final class BodyReader {
    /** Verify bodies are a few hundred bytes; auth-int SIP bodies (SDP) a few KiB. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpServerRequest req;
    private final Consumer<byte[]> next;
    /** The first chunk, kept as it came until a second one arrives. */
    private Buffer first;
    /** Only for bodies of several chunks. */
    private Buffer several;
    private int length;
    private boolean refused;

    private BodyReader(HttpServerRequest req, Consumer<byte[]> next) {
        this.req = req;
        this.next = next;
    }

    /**
     * Reads the body and hands its bytes to {@code next}. A body over {@link #MAX_BODY_BYTES} is answered here
     * with 413; any other failure is a reset connection, with nobody left to answer.
     */
    static void read(HttpServerRequest req, Consumer<byte[]> next) {
        String declared = req.getHeader("Content-Length");
        if (declared != null && isOver(declared)) {
            tooLarge(req);
            return;
        }
        BodyReader reader = new BodyReader(req, next);
        req.handler(reader::chunk);
        req.endHandler(v -> reader.end());
        req.exceptionHandler(reader::failed);
    }

    /** The connection broke mid-body: there is nobody left to answer. */
    private void failed(Throwable cause) {
        refused = true;
    }

    private void chunk(Buffer chunk) {
        if (refused) {
            return;
        }
        length += chunk.length();
        if (length > MAX_BODY_BYTES) {
            refused = true;
            req.pause();
            tooLarge(req);
        } else if (first == null) {
            first = chunk;
        } else {
            if (several == null) {
                several = Buffer.buffer(Math.min(MAX_BODY_BYTES, 2 * length)).appendBuffer(first);
            }
            several.appendBuffer(chunk);
        }
    }

    private void end() {
        if (!refused) {
            next.accept(several != null ? several.getBytes() : first != null ? first.getBytes() : new byte[0]);
        }
    }

    private static void tooLarge(HttpServerRequest req) {
        req.response().putHeader("Connection", "close"); // the rest of the body is not read
        Replies.error(req, new ApiError(413, "payload_too_large", "request body over " + MAX_BODY_BYTES + " bytes"));
    }

    private static boolean isOver(String length) {
        try {
            return Long.parseLong(length.strip()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false; // Netty refuses a malformed Content-Length before it gets here
        }
    }
}
