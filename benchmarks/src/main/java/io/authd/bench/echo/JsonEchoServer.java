package io.authd.bench.echo;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.util.Locale;

/**
 * The ceiling of the side-by-side load benchmark: a bare Vert.x HTTP server that answers a POST with its own body
 * as {@code application/json}. It pays what any Vert.x JSON service pays for HTTP (accept, parse, aggregate the
 * body, write the answer) and does no work of its own, so authd's req/s divided by this server's, measured with
 * the same generator and the same requests, is the share of the HTTP stack's throughput authd keeps.
 *
 * <pre>
 * java -cp benchmarks/target/authd-benchmarks.jar io.authd.bench.echo.JsonEchoServer --port 18280 [--instances 1]
 * </pre>
 *
 * <p>One verticle instance per core it is given, as authd's {@code instances}; the HTTP options are authd's
 * public listener's (HTTP/1.1 and h2c, no compression). Prints one ready line on standard output once it listens.
 * Any method other than POST is answered 405.
 */
public final class JsonEchoServer extends VerticleBase {
    /** Encoded once, as a server that cares about its hot path writes a constant header value. */
    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
    static final String USAGE = "usage: JsonEchoServer [--host 127.0.0.1] [--port 8080] [--instances 1]";

    private final String host;
    private final int port;

    JsonEchoServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        // authd's public listener options (AuthdServer.publicServerOptions) without TLS and idle timeout.
        return vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(true)
                        .setMaxHeaderSize(16 * 1024).setCompressionSupported(false))
                .requestHandler(JsonEchoServer::handle)
                .listen(port, host);
    }

    private static void handle(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST) {
            request.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, "POST").end();
            return;
        }
        request.body().onSuccess(body -> request.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON).end(body));
    }

    /** Deploys {@code instances} echo verticles sharing {@code host:port}; completes with the deployment id. */
    static Future<String> deploy(Vertx vertx, String host, int port, int instances) {
        return vertx.deployVerticle(() -> new JsonEchoServer(host, port), new DeploymentOptions().setInstances(instances));
    }

    public static void main(String[] args) {
        String host = "127.0.0.1";
        int port = 8080;
        int instances = 1;
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--host" -> host = args[i + 1];
                    case "--port" -> port = Integer.parseInt(args[i + 1]);
                    case "--instances" -> instances = Integer.parseInt(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (port < 1 || port > 65535 || instances < 1) {
                throw new IllegalArgumentException("--port must be 1-65535 and --instances at least 1");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("JsonEchoServer: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        // Vert.x's default event-loop pool, as authd's: the instances are spread over distinct event loops.
        Vertx vertx = Vertx.vertx();
        int n = instances;
        String h = host;
        int p = port;
        deploy(vertx, host, port, instances).onComplete(ar -> {
            if (ar.failed()) {
                System.err.println("JsonEchoServer: " + ar.cause().getMessage());
                System.exit(1);
            }
            System.out.printf(Locale.ROOT, "JsonEchoServer listening on %s:%d (%d instance%s)%n", h, p, n,
                    n == 1 ? "" : "s");
            System.out.flush();
        });
    }
}
