package io.authd.testing;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault-test proxy does what the fault tests rely on: passes, black-holes, refuses, recovers. */
class TcpProxyTest {
    private Vertx vertx;
    private NetServer echo;
    private TcpProxy proxy;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        echo = vertx.createNetServer().connectHandler(s -> s.handler(s::write));
        echo.listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
        proxy = TcpProxy.start(vertx, "127.0.0.1", echo.actualPort());
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void passesBytesBothWays() throws Exception {
        assertThat(roundTrip(connect(), "hello")).isEqualTo("hello");
    }

    @Test
    void blackHoleKeepsConnectionsButDeliversNothing() throws Exception {
        NetSocket socket = connect();
        proxy.blackHole();
        assertThatThrownBy(() -> roundTrip(socket, "lost")).isInstanceOf(TimeoutException.class);
    }

    @Test
    void refuseClosesOpenConnectionsAndNewOnes() throws Exception {
        NetSocket socket = connect();
        var closed = Promise.<Void>promise();
        socket.closeHandler(closed::tryComplete);
        proxy.refuse();
        closed.future().await(5, TimeUnit.SECONDS);

        // A blocking socket: the proxy may close it before a Vert.x close handler could be set, and EOF is still read.
        try (java.net.Socket late = new java.net.Socket("127.0.0.1", proxy.port())) {
            late.setSoTimeout(5_000);
            assertThat(readOrReset(late)).as("closed at once").isEqualTo(-1);
        }
    }

    @Test
    void restoreLetsNewConnectionsThroughAgain() throws Exception {
        proxy.refuse();
        proxy.restore();
        assertThat(roundTrip(connect(), "back")).isEqualTo("back");
    }

    /** -1 for an orderly close, and also for a reset: either way the proxy let nothing through. */
    private static int readOrReset(java.net.Socket socket) throws java.io.IOException {
        try {
            return socket.getInputStream().read();
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }

    private NetSocket connect() throws Exception {
        return vertx.createNetClient(new NetClientOptions().setConnectTimeout(2000))
                .connect(proxy.port(), "127.0.0.1").await(5, TimeUnit.SECONDS);
    }

    private String roundTrip(NetSocket socket, String text) throws Exception {
        var answer = Promise.<Buffer>promise();
        socket.handler(answer::tryComplete);
        socket.write(text);
        return answer.future().await(500, TimeUnit.MILLISECONDS).toString();
    }
}
