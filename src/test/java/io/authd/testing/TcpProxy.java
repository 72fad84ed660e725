package io.authd.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A TCP proxy in front of a real PostgreSQL or Redis that a test can break on purpose: the fault tests need
 * the database to go away for authd while the shared server on 127.0.0.1 keeps serving every other test.
 * <ul>
 *   <li>{@link #blackHole()}: connections stay open but nothing gets through, like a network partition or a
 *       hung server; callers only notice through their timeouts;</li>
 *   <li>{@link #refuse()}: every connection is closed and new ones are closed at once, like a stopped server;</li>
 *   <li>{@link #restore()}: new connections pass again (callers reconnect on their own).</li>
 * </ul>
 */
public final class TcpProxy implements AutoCloseable {
    private enum Mode { PASS, BLACK_HOLE, REFUSE }

    private final Vertx vertx;
    private final NetServer server;
    private final NetClient client;
    private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;

    private TcpProxy(Vertx vertx, String targetHost, int targetPort) {
        this.vertx = vertx;
        this.client = vertx.createNetClient();
        this.server = vertx.createNetServer().connectHandler(inbound -> accept(inbound, targetHost, targetPort));
    }

    /** Listens on a free port of 127.0.0.1, forwarding to {@code host:port}. */
    public static TcpProxy start(Vertx vertx, String host, int port) {
        TcpProxy proxy = new TcpProxy(vertx, host, port);
        await(proxy.server.listen(0, "127.0.0.1"));
        return proxy;
    }

    public int port() {
        return server.actualPort();
    }

    public void blackHole() {
        mode = Mode.BLACK_HOLE;
    }

    public void refuse() {
        mode = Mode.REFUSE;
        open.forEach(NetSocket::close);
    }

    /** Lets traffic through again; connections black-holed meanwhile are closed, so clients reconnect. */
    public void restore() {
        Mode before = mode;
        mode = Mode.PASS;
        if (before == Mode.BLACK_HOLE) {
            open.forEach(NetSocket::close);
        }
    }

    @Override
    public void close() {
        open.forEach(NetSocket::close);
        await(server.close());
        await(client.close());
    }

    private void accept(NetSocket inbound, String host, int port) {
        if (mode == Mode.REFUSE) {
            inbound.close();
            return;
        }
        inbound.pause();
        track(inbound);
        client.connect(port, host).onComplete((outbound, failure) -> {
            if (failure != null) {
                inbound.close();
                return;
            }
            track(outbound);
            pipe(inbound, outbound);
            pipe(outbound, inbound);
            inbound.resume();
        });
    }

    private void track(NetSocket socket) {
        open.add(socket);
        socket.closeHandler(v -> open.remove(socket));
    }

    /** Forwards unless black-holed; closing either side closes the other. */
    private void pipe(NetSocket from, NetSocket to) {
        from.handler(data -> {
            if (mode == Mode.PASS) {
                to.write(data);
            }
        });
        from.endHandler(v -> to.close());
        from.exceptionHandler(e -> to.close());
        from.closeHandler(v -> {
            open.remove(from);
            to.close();
        });
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("proxy did not answer within 10 s", e);
        }
    }
}
