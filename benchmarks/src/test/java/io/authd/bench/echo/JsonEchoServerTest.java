package io.authd.bench.echo;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The ceiling server answers a POST with its body as JSON, on every instance, and nothing else. */
class JsonEchoServerTest {
    private static final String BODY = "{\"protocol\":\"http\",\"method\":\"GET\",\"uri\":\"/bench\"}";

    private Vertx vertx;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        port = freePort();
        JsonEchoServer.deploy(vertx, "127.0.0.1", port, 2).await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldEchoAPostBodyAsJson() throws Exception {
        Reply reply = send(HttpMethod.POST, BODY);

        assertThat(reply.response().statusCode()).isEqualTo(200);
        assertThat(reply.response().getHeader("content-type")).isEqualTo("application/json");
        assertThat(reply.body()).isEqualTo(BODY);
    }

    @Test
    void shouldRefuseOtherMethods() throws Exception {
        Reply reply = send(HttpMethod.GET, "");

        assertThat(reply.response().statusCode()).isEqualTo(405);
        assertThat(reply.response().getHeader("allow")).isEqualTo("POST");
    }

    private Reply send(HttpMethod method, String body) throws Exception {
        return vertx.createHttpClient()
                .request(new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI("/"))
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> new Reply(response, b.toString())))
                .await(10, TimeUnit.SECONDS);
    }

    private record Reply(HttpClientResponse response, String body) {
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
