package io.authd.testing;

import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real issuer's JWKS endpoint on an ephemeral port: each path serves a key set the test can rotate, or an
 * outage (HTTP 503), and counts the requests it got.
 */
public final class TestJwks implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, JWKSet> sets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, Boolean> down = new ConcurrentHashMap<>();

    private TestJwks() throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> {
            String path = req.path();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            JWKSet set = sets.get(path);
            if (set == null || down.getOrDefault(path, false)) {
                req.response().setStatusCode(set == null ? 404 : 503).end();
                return;
            }
            req.response().putHeader("Content-Type", "application/json").end(set.toString(true));
        }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    public static TestJwks start() throws Exception {
        return new TestJwks();
    }

    /** Serves {@code set} (public keys only) at {@code path} from now on. */
    public TestJwks serve(String path, JWKSet set) {
        sets.put(path, set.toPublicJWKSet());
        down.put(path, false);
        return this;
    }

    public void outage(String path) {
        down.put(path, true);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    public int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() throws java.util.concurrent.TimeoutException {
        server.shutdown(0, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
