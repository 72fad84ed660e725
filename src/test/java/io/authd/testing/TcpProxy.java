package io.authd.testing;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A TCP forwarder a test starts when it chooses: a server that comes up after its clients began trying. */
public final class TcpProxy {
    private TcpProxy() {
    }

    /** A port nothing listens on now (a later bind may race another process; unlikely, and only in tests). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Listens on 127.0.0.1:{@code port} and forwards each connection to {@code host}:{@code targetPort}. */
    public static NetServer start(Vertx vertx, int port, String host, int targetPort) {
        NetClient client = vertx.createNetClient();
        NetServer server = vertx.createNetServer().connectHandler(in -> {
            in.pause();
            client.connect(targetPort, host).onComplete((out, failure) -> {
                if (failure != null) {
                    in.close();
                    return;
                }
                in.pipeTo(out);
                out.pipeTo(in);
            });
        });
        return TestPostgres.await(server.listen(port, "127.0.0.1"));
    }
}
