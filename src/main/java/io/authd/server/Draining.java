package io.authd.server;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The state of a graceful shutdown, shared by every public server and the readiness probe. Once started,
 * readiness answers 503 so Kubernetes takes the pod out of the Service, and every answer on the public port tells
 * its caller to go elsewhere: {@code Connection: close} on HTTP/1.x (RFC 9112 §9.6), GOAWAY on h2 (RFC 9113 §6.8),
 * letting the request it answers and any already in flight on the connection finish.
 */
final class Draining {
    private volatile boolean started;
    private volatile Duration grace = Duration.ZERO;

    /** Readiness fails from now on; servers stopped from now on give requests in flight {@code grace}. */
    void start(Duration grace) {
        this.grace = grace;
        this.started = true;
    }

    boolean started() {
        return started;
    }

    /**
     * How long a stopping server waits for requests in flight: zero unless draining, because proxies keep their
     * connections open for good and a plain close (tests, start-up failures) must not wait for them.
     */
    Duration grace() {
        return grace;
    }

    Handler<HttpServerRequest> wrap(Handler<HttpServerRequest> api) {
        return request -> {
            // Decided when the answer goes out, not when the request came in: a request in flight when the
            // drain starts tells its caller too.
            request.response().headersEndHandler(v -> {
                if (started) {
                    sendAway(request);
                }
            });
            api.handle(request);
        };
    }

    private void sendAway(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            // GOAWAY with the last stream id seen: streams already open finish, new ones go to a new connection.
            request.connection().shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
    }

    /** Goes before the readiness route: 503 with a reason while draining, else on to the store checks. */
    Handler<RoutingContext> readiness() {
        return ctx -> {
            if (!started) {
                ctx.next();
                return;
            }
            ctx.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(new JsonObject().put("status", "DOWN").put("reason", "shutting_down").encode());
        };
    }
}
