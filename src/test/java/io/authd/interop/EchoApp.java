package io.authd.interop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The application behind nginx: answers "METHOD user body" with the X-Authd-User it was given, and remembers what
 * reached it, so a test can tell that a refused request never did. A path ending in {@code /tick} runs
 * {@code onTick} and redirects to the same path ending in {@code /after}: the nginx test makes the nonce go stale
 * there, between two requests of one curl.
 */
final class EchoApp implements AutoCloseable {
    private final HttpServer http;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    EchoApp(Runnable onTick) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        http.createContext("/", exchange -> answer(exchange, onTick));
        http.start();
    }

    private void answer(HttpExchange exchange, Runnable onTick) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String line = (exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-Authd-User")
                + " " + body).strip();
        seen.add(exchange.getRequestURI() + " " + line);
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/tick")) {
            onTick.run();
            exchange.getResponseHeaders().add("Location", path.replace("/tick", "/after"));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        byte[] out = line.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, out.length);
        try (var os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    int port() {
        return http.getAddress().getPort();
    }

    /** "URI METHOD user body" of every request that reached the application, in order. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
