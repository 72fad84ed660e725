package io.authd.bench.load;

import io.vertx.core.buffer.Buffer;

/**
 * An answer as it came off the wire.
 *
 * @param grpcStatus the grpc-status of a gRPC answer (trailers, or headers of a trailers-only answer); null for
 *                   the JSON API or when the server sent none
 */
record Answer(int status, Buffer body, String grpcStatus) {
}
