package io.authd.api.grpc;

import com.google.protobuf.Message;
import com.google.protobuf.MessageLite;
import com.google.protobuf.util.JsonFormat;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;

import java.util.concurrent.TimeUnit;

/** Vert.x's gRPC client (not authd's code) over a real socket, for unary calls and their status. */
final class GrpcTestClient implements AutoCloseable {
    /** The call's gRPC status and, on OK, its one answer. */
    record Reply<T>(GrpcStatus status, String statusMessage, T message) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final GrpcClient client;
    private final SocketAddress server;

    GrpcTestClient(int port) {
        this(port, new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
    }

    /** With the given transport, e.g. TLS with ALPN. */
    GrpcTestClient(int port, HttpClientOptions transport) {
        client = GrpcClient.client(vertx, transport);
        server = SocketAddress.inetSocketAddress(port, "127.0.0.1");
    }

    <Req extends MessageLite, Resp> Reply<Resp> call(String service, String method, Req request, Message answerType)
            throws Exception {
        return call(service, method, request, answerType, 0);
    }

    /** @param timeoutMillis sent as grpc-timeout when positive; the server enforces it */
    <Req extends MessageLite, Resp> Reply<Resp> call(String service, String method, Req request, Message answerType,
                                                     long timeoutMillis) throws Exception {
        ServiceMethod<Resp, Req> m = ServiceMethod.client(ServiceName.create(service), method,
                GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(answerType.newBuilderForType()));
        Future<Reply<Resp>> reply = client.request(server, m).compose(req -> {
            if (timeoutMillis > 0) {
                req.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
            }
            req.end(request);
            return req.response();
        }).compose(resp -> resp.last().transform(last -> Future.succeededFuture(new Reply<>(resp.status(),
                resp.statusMessage(), last.succeeded() ? last.result() : null))));
        return reply.await(20, TimeUnit.SECONDS);
    }

    /** A message in its proto3 JSON form, for comparison with the JSON API's answers. */
    static JsonObject json(Message m) throws Exception {
        return new JsonObject(JsonFormat.printer().print(m));
    }

    /** A message from the JSON API's request, which proto3 JSON parsing reads as it is (camelCase names). */
    static <B extends Message.Builder> B parse(JsonObject json, B builder) throws Exception {
        JsonFormat.parser().merge(json.encode(), builder);
        return builder;
    }

    @Override
    public void close() throws java.util.concurrent.TimeoutException {
        client.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
