package io.authd.server;

import io.authd.api.grpc.GrpcApi;
import io.authd.api.http.RateLimitReply;
import io.authd.config.LimitsOptions;
import io.authd.limits.TokenBuckets;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;

/**
 * The public port's abuse limits ({@code limits.*}), shared by every public server: the request limit per caller
 * address (a token bucket each, off by default) and the idle timeout. Callers are the proxies (the connection's
 * peer), not their clients.
 */
final class PublicLimits {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** gRPC's RESOURCE_EXHAUSTED (grpc/doc/statuscodes.md): the gRPC spelling of 429. */
    private static final String GRPC_RESOURCE_EXHAUSTED = "8";

    private final TokenBuckets buckets;
    private final Duration idleTimeout;

    PublicLimits(LimitsOptions options) {
        this.buckets = options.requestsPerSecond() > 0 ? new TokenBuckets(options, System::nanoTime) : null;
        this.idleTimeout = options.idleTimeout();
    }

    /** Closes connections on which nothing arrived for this long, mid-request included. */
    Duration idleTimeout() {
        return idleTimeout;
    }

    /** Lets {@code api} have the request unless its caller is over its limit. */
    Handler<HttpServerRequest> wrap(Handler<HttpServerRequest> api) {
        return request -> {
            long waitNanos = buckets == null ? 0 : buckets.tryAcquire(request.remoteAddress().hostAddress());
            if (waitNanos == 0) {
                api.handle(request);
            } else {
                refuse(request, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
            }
        };
    }

    private static void refuse(HttpServerRequest request, long retryAfterSeconds) {
        if (GrpcApi.isGrpc(request)) {
            // Trailers-only answer (gRPC over HTTP/2): the status travels in the headers of an empty 200.
            request.response().putHeader("content-type", "application/grpc")
                    .putHeader("grpc-status", GRPC_RESOURCE_EXHAUSTED)
                    .putHeader("grpc-message", "too many requests from this caller").end();
        } else {
            RateLimitReply.send(request, retryAfterSeconds);
        }
    }
}
