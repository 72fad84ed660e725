package io.authd.api.grpc;

import io.authd.api.http.ApiError;
import io.authd.api.http.Decoded;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.GrpcServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * How every authd gRPC method answers: decode the one request message, decide, answer. Invalid input is
 * INVALID_ARGUMENT with the HTTP API's error code and message; a decision is always status OK (a Decision that
 * says "no" is an answer, not an RPC failure).
 *
 * <p>Deadlines (grpc-timeout) are enforced by the gRPC server itself ({@link GrpcApi#options()}): when one
 * passes first, the server answers DEADLINE_EXCEEDED and closes the stream, and the decision that comes later
 * is dropped here. A caller that gave up never sees an allow.
 */
final class UnaryCalls {
    private static final Logger LOG = LoggerFactory.getLogger(UnaryCalls.class);

    private UnaryCalls() {
    }

    static <Req, Resp> Handler<GrpcServerRequest<Req, Resp>> unary(Function<Req, Decoded<Future<Resp>>> decide) {
        return call -> call.handler(message -> {
            switch (decide.apply(message)) {
                case Decoded.Ok<Future<Resp>> ok -> ok.value().onComplete(ar -> {
                    if (ar.succeeded()) {
                        end(call.response(), ar.result());
                    } else {
                        LOG.error("gRPC call {} failed; answering INTERNAL", call.fullMethodName(), ar.cause());
                        fail(call.response(), GrpcStatus.INTERNAL, "internal error");
                    }
                });
                case Decoded.Invalid<Future<Resp>> bad -> fail(call.response(), GrpcStatus.INVALID_ARGUMENT,
                        message(bad.error()));
            }
        });
    }

    /** The HTTP API's error code, then its message, which names the field (e.g. "missing_field: uri: required"). */
    static String message(ApiError e) {
        return e.code() + ": " + e.message();
    }

    private static <Resp> void end(GrpcServerResponse<?, Resp> response, Resp answer) {
        try {
            response.end(answer);
        } catch (IllegalStateException closed) {
            LOG.debug("gRPC stream closed (deadline passed or call cancelled) before its decision; dropped");
        }
    }

    private static void fail(GrpcServerResponse<?, ?> response, GrpcStatus status, String message) {
        try {
            response.status(status).statusMessage(message).end();
        } catch (IllegalStateException closed) {
            LOG.debug("gRPC stream closed before its {} answer; dropped", status);
        }
    }
}
