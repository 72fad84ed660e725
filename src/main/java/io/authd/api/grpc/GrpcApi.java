package io.authd.api.grpc;

import io.authd.api.http.ApiRequests;
import io.authd.auth.Authenticator;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.grpc.reflection.ReflectionService;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;

/**
 * The public port's gRPC side (contract "gRPC"): {@code authd.v1.Authenticator},
 * {@code envoy.service.auth.v3.Authorization}, {@code grpc.health.v1.Health} and server reflection (v1), so
 * grpcurl-like tools can list and describe the API. It shares the port with HTTP/1.1 and h2c JSON: the public
 * server hands it the requests {@link #isGrpc} picks.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>what</th><th>value</th><th>why</th></tr>
 *   <tr><td>{@link #MAX_MESSAGE_BYTES}</td><td>64 KiB</td><td>the JSON API's body limit: a larger request
 *   message is refused with RESOURCE_EXHAUSTED</td></tr>
 *   <tr><td>deadline</td><td>the caller's grpc-timeout</td><td>the server answers DEADLINE_EXCEEDED when it
 *   passes; a later decision is dropped, never sent</td></tr>
 * </table>
 */
public final class GrpcApi {
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private GrpcApi() {
    }

    /** One gRPC server for one event loop's public HTTP server. */
    public static GrpcServer server(Vertx vertx, Authenticator authenticator) {
        ApiRequests requests = new ApiRequests(authenticator.realms());
        return GrpcServer.server(vertx, options())
                .addService(AuthenticatorService.create(authenticator, requests))
                .addService(ExtAuthzService.create(authenticator, requests))
                .addService(HealthCheckService.create(authenticator))
                .addService(ReflectionService.v1());
    }

    static GrpcServerOptions options() {
        return new GrpcServerOptions().setMaxMessageSize(MAX_MESSAGE_BYTES).setScheduleDeadlineAutomatically(true);
    }

    /** gRPC (and gRPC-Web) requests say so in their content type: application/grpc, application/grpc+proto, ... */
    public static boolean isGrpc(HttpServerRequest req) {
        String type = req.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.regionMatches(true, 0, "application/grpc", 0, 16);
    }
}
