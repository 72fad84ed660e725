package io.authd.server;

import io.authd.admin.AdminToken;
import io.authd.api.grpc.GrpcApi;
import io.authd.api.http.ManagementApi;
import io.authd.api.http.PublicApi;
import io.authd.auth.AuditLog;
import io.authd.auth.Authenticator;
import io.authd.auth.Realms;
import io.authd.bearer.BearerAuthenticator;
import io.authd.bearer.BearerRealms;
import io.authd.config.AuthdOptions;
import io.authd.config.Endpoint;
import io.authd.config.PublicEndpoint;
import io.authd.config.ShutdownOptions;
import io.authd.credentials.CredentialStore;
import io.authd.digest.DigestChallenges;
import io.authd.digest.DigestVerifier;
import io.authd.lockout.Lockout;
import io.authd.lockout.Lockouts;
import io.authd.metrics.AuthMetrics;
import io.authd.metrics.Metrics;
import io.authd.metrics.StoreMetrics;
import io.authd.nonce.NonceKeyRing;
import io.authd.nonce.NonceKeyRings;
import io.authd.nonce.NonceService;
import io.authd.replay.ReplayStore;
import io.authd.replay.ReplayStores;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.grpc.server.GrpcServer;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Wires authd from its options and starts both ports. Tests replace the clock, the key ring or the credential
 * store through the builder; everything else comes from the options.
 */
public final class AuthdServer {
    private final Vertx vertx;
    private final HttpServer management;
    private final Deployed publicApi;
    private final Supplier<Future<Void>> onClose;
    private final Draining draining;

    private AuthdServer(Vertx vertx, HttpServer management, Deployed publicApi, Supplier<Future<Void>> onClose,
                        Draining draining) {
        this.vertx = vertx;
        this.management = management;
        this.publicApi = publicApi;
        this.onClose = onClose;
        this.draining = draining;
    }

    private record Deployed(String deploymentId, int port) {
    }

    public static Builder builder(AuthdOptions options) {
        return new Builder(options);
    }

    /**
     * The authenticator over the given stores, as the server wires it from {@code options} (realms, audit log);
     * public so that the JMH benchmarks measure the same object the public APIs call.
     */
    public static Authenticator authenticator(AuthdOptions options, NonceService nonces, CredentialStore store,
                                              ReplayStore replay, BearerAuthenticator bearer, Lockout lockout,
                                              AuthMetrics metrics) {
        DigestChallenges challenges = new DigestChallenges(nonces);
        return new Authenticator(new Realms(options.realms(), options.defaultRealm()), challenges,
                new DigestVerifier(nonces, challenges), store, replay, bearer, lockout, metrics,
                options.logging().audit() ? AuditLog.on() : AuditLog.off());
    }

    public int publicPort() {
        return publicApi.port();
    }

    public int managementPort() {
        return management.actualPort();
    }

    /**
     * Stops taking requests, then releases the stores (in that order, so no request meets a closed store); the
     * Vert.x instance stays the caller's.
     */
    public Future<Void> close() {
        return vertx.undeploy(publicApi.deploymentId())
                .transform(v -> management.shutdown(0, TimeUnit.SECONDS))
                .transform(v -> onClose.get());
    }

    /**
     * The graceful shutdown of SIGTERM (see {@link ShutdownOptions}): readiness fails at once, the public port
     * serves on for the drain telling callers to reconnect elsewhere, then stops accepting and gives requests in
     * flight up to the timeout; the stores close last.
     */
    public Future<Void> drainAndClose(ShutdownOptions shutdown) {
        draining.start(shutdown.timeout());
        Future<?> drained = shutdown.drain().isZero() ? Future.succeededFuture() : vertx.timer(shutdown.drain().toMillis());
        return drained.transform(v -> close());
    }

    public static final class Builder {
        private final AuthdOptions options;
        private InstantSource clock = InstantSource.system();
        private NonceKeyRing keyRing;
        private CredentialStore credentials;
        private Metrics metrics;

        private Builder(AuthdOptions options) {
            this.options = options;
        }

        public Builder clock(InstantSource clock) {
            this.clock = clock;
            return this;
        }

        public Builder keyRing(NonceKeyRing keyRing) {
            this.keyRing = keyRing;
            return this;
        }

        public Builder credentialStore(CredentialStore credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * The metrics to report to, which the caller closes; without them the server makes its own from
         * {@code metrics.*} (without Vert.x's meters, which need {@link Metrics#vertx()}) and closes them itself.
         */
        public Builder metrics(Metrics metrics) {
            this.metrics = metrics;
            return this;
        }

        /** Loads what is not given (blocking file reads: call before serving, as start-up does). */
        public Future<AuthdServer> start(Vertx vertx) {
            NonceKeyRing ring = keyRing != null ? keyRing : NonceKeyRings.load(options.nonce(), options.mode());
            AdminToken adminToken = AdminToken.from(options.admin());
            Metrics meters = metrics != null ? metrics : Metrics.create(options.metrics());
            Supplier<Future<Void>> closeMeters = metrics != null ? Future::succeededFuture : () -> {
                meters.close();
                return Future.succeededFuture();
            };
            Future<CredentialBackend> backend = credentials != null
                    ? Future.succeededFuture(CredentialBackend.given(credentials))
                    : CredentialBackend.create(vertx, options.credentials(), clock);
            return backend.compose(store -> ReplayStores.create(vertx, options.replay(), clock)
                    .recover(err -> store.close().get().transform(v -> Future.failedFuture(err)))
                    .compose(replay -> Lockouts.create(vertx, options.lockout(), options.replay(), clock, meters.lockout())
                            .recover(err -> replay.close().transform(v -> store.close().get())
                                    .transform(v -> Future.failedFuture(err)))
                            .compose(lockout -> {
                        NonceService nonces = new NonceService(ring, clock);
                        BearerAuthenticator bearer = BearerRealms.create(vertx, options.realms(), store.lookups(), clock);
                        Authenticator authenticator = authenticator(options, nonces, store.lookups(), replay, bearer,
                                lockout, meters.auth());
                        if (meters.enabled()) {
                            instrument(meters.stores(), nonces, store, replay, authenticator);
                        }
                        Supplier<Future<Void>> onClose = () -> store.close().get().transform(v -> replay.close())
                                .transform(v -> lockout.close()).transform(v -> bearer.close()).transform(v -> closeMeters.get());
                        Draining draining = new Draining();
                        return deployPublic(vertx, authenticator, draining).compose(deployed -> listen(vertx,
                                new HttpServerOptions(), options.listen().management(),
                                s -> s.requestHandler(managementRouter(vertx, authenticator, store, adminToken,
                                        draining, meters)))
                                .map(mgmt -> new AuthdServer(vertx, mgmt, deployed, onClose, draining)));
                    })))
                    .onFailure(err -> closeMeters.get());
        }

        /** The management API, with readiness failing first while the server drains. */
        private static Router managementRouter(Vertx vertx, Authenticator authenticator, CredentialBackend store,
                                               AdminToken adminToken, Draining draining, Metrics meters) {
            Router router = ManagementApi.router(vertx, authenticator, store.admin(), adminToken,
                    store.invalidation(), meters);
            router.get("/health/ready").order(-1).handler(draining.readiness());
            return router;
        }

        private static void instrument(StoreMetrics meters, NonceService nonces, CredentialBackend credentials,
                                       ReplayStore replay, Authenticator authenticator) {
            meters.nonces(nonces);
            meters.credentials(credentials.lookups());
            credentials.guard().ifPresent(meters::guard);
            meters.replay(replay);
            meters.readiness(authenticator);
        }

        /** One server per event loop on the same port; Vert.x spreads connections across them. */
        private Future<Deployed> deployPublic(Vertx vertx, Authenticator authenticator, Draining draining) {
            int instances = options.instances() > 0 ? options.instances() : Runtime.getRuntime().availableProcessors();
            AtomicInteger port = new AtomicInteger();
            PublicEndpoint endpoint = options.listen().publicApi();
            PublicLimits limits = new PublicLimits(options.limits());
            return vertx.deployVerticle(() -> new PublicVerticle(endpoint, authenticator, port, draining, limits),
                    new DeploymentOptions().setInstances(instances)).map(id -> new Deployed(id, port.get()));
        }
    }

    /** One event loop's public server: gRPC and HTTP/JSON on one port, told apart by content type. */
    private static final class PublicVerticle extends VerticleBase {
        private final PublicEndpoint endpoint;
        private final Authenticator authenticator;
        private final AtomicInteger boundPort;
        private final Draining draining;
        private final PublicLimits limits;
        private HttpServer server;
        private long tlsWatch = -1;

        PublicVerticle(PublicEndpoint endpoint, Authenticator authenticator, AtomicInteger boundPort, Draining draining,
                       PublicLimits limits) {
            this.limits = limits;
            this.endpoint = endpoint;
            this.authenticator = authenticator;
            this.boundPort = boundPort;
            this.draining = draining;
        }

        @Override
        public Future<?> start() {
            PublicApi json = new PublicApi(authenticator);
            GrpcServer grpc = GrpcApi.server(vertx, authenticator);
            return listen(vertx, publicServerOptions(endpoint, limits.idleTimeout()), endpoint.endpoint(),
                    s -> s.requestHandler(limits.wrap(draining.wrap(req -> (GrpcApi.isGrpc(req) ? grpc : json).handle(req)))))
                    .onSuccess(s -> {
                        server = s;
                        boundPort.set(s.actualPort());
                        watchTls();
                    });
        }

        private void watchTls() {
            if (endpoint.tls().enabled()) {
                tlsWatch = PublicTls.watch(vertx, server, endpoint.tls());
            }
        }

        /**
         * Vert.x 5 closes servers gracefully, waiting for clients to close kept-alive connections. Callers
         * (proxies) keep theirs open for good, so a plain stop closes them at once; a drain gives requests in
         * flight its grace first.
         */
        @Override
        public Future<?> stop() {
            vertx.cancelTimer(tlsWatch);
            return server == null ? Future.succeededFuture()
                    : server.shutdown(draining.grace().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * HTTP/1.1, h2c (upgrade and prior knowledge) and gRPC on one port, as the contract requires; over TLS, h2 by
     * ALPN.
     */
    static HttpServerOptions publicServerOptions(PublicEndpoint endpoint, Duration idleTimeout) {
        HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(true).setMaxHeaderSize(16 * 1024)
                .setIdleTimeout(Math.toIntExact(idleTimeout.toMillis())).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setCompressionSupported(false);
        return endpoint.tls().enabled() ? PublicTls.apply(options, endpoint.tls()) : options;
    }

    private static Future<HttpServer> listen(Vertx vertx, HttpServerOptions opts, Endpoint endpoint,
                                             java.util.function.Consumer<HttpServer> configure) {
        HttpServer server = vertx.createHttpServer(opts);
        configure.accept(server);
        return server.listen(endpoint.port(), endpoint.host());
    }
}
