package io.authd.server;

import io.authd.admin.AdminToken;
import io.authd.api.http.ManagementApi;
import io.authd.api.http.PublicApi;
import io.authd.auth.Authenticator;
import io.authd.auth.Realms;
import io.authd.bearer.BearerAuthenticator;
import io.authd.bearer.BearerRealms;
import io.authd.config.AuthdOptions;
import io.authd.config.Endpoint;
import io.authd.credentials.CredentialStore;
import io.authd.digest.DigestChallenges;
import io.authd.digest.DigestVerifier;
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

    private AuthdServer(Vertx vertx, HttpServer management, Deployed publicApi, Supplier<Future<Void>> onClose) {
        this.vertx = vertx;
        this.management = management;
        this.publicApi = publicApi;
        this.onClose = onClose;
    }

    private record Deployed(String deploymentId, int port) {
    }

    public static Builder builder(AuthdOptions options) {
        return new Builder(options);
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
        return management.shutdown(0, TimeUnit.SECONDS)
                .transform(v -> vertx.undeploy(publicApi.deploymentId()))
                .transform(v -> onClose.get());
    }

    public static final class Builder {
        private final AuthdOptions options;
        private InstantSource clock = InstantSource.system();
        private NonceKeyRing keyRing;
        private CredentialStore credentials;

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

        /** Loads what is not given (blocking file reads: call before serving, as start-up does). */
        public Future<AuthdServer> start(Vertx vertx) {
            NonceKeyRing ring = keyRing != null ? keyRing : NonceKeyRings.load(options.nonce(), options.mode());
            AdminToken adminToken = AdminToken.from(options.admin());
            Future<CredentialBackend> backend = credentials != null
                    ? Future.succeededFuture(CredentialBackend.given(credentials))
                    : CredentialBackend.create(vertx, options.credentials(), clock);
            return backend.compose(store -> ReplayStores.create(vertx, options.replay(), clock)
                    .recover(err -> store.close().get().transform(v -> Future.failedFuture(err)))
                    .compose(replay -> {
                        BearerAuthenticator bearer = BearerRealms.create(vertx, options.realms(), store.lookups(), clock);
                        Authenticator authenticator = authenticator(ring, store.lookups(), replay, bearer);
                        Supplier<Future<Void>> onClose = () -> store.close().get().transform(v -> replay.close())
                                .transform(v -> bearer.close());
                        return deployPublic(vertx, authenticator).compose(deployed -> listen(vertx,
                                new HttpServerOptions(), options.listen().management(),
                                s -> s.requestHandler(ManagementApi.router(vertx, authenticator, store.admin(),
                                        adminToken, store.invalidation())))
                                .map(mgmt -> new AuthdServer(vertx, mgmt, deployed, onClose)));
                    }));
        }

        private Authenticator authenticator(NonceKeyRing ring, CredentialStore store, ReplayStore replay,
                                            BearerAuthenticator bearer) {
            NonceService nonces = new NonceService(ring, clock);
            DigestChallenges challenges = new DigestChallenges(nonces);
            return new Authenticator(new Realms(options.realms(), options.defaultRealm()), challenges,
                    new DigestVerifier(nonces, challenges), store, replay, bearer);
        }

        /** One server per event loop on the same port; Vert.x spreads connections across them. */
        private Future<Deployed> deployPublic(Vertx vertx, Authenticator authenticator) {
            int instances = options.instances() > 0 ? options.instances() : Runtime.getRuntime().availableProcessors();
            AtomicInteger port = new AtomicInteger();
            Endpoint endpoint = options.listen().publicApi();
            return vertx.deployVerticle(() -> new PublicVerticle(endpoint, authenticator, port),
                    new DeploymentOptions().setInstances(instances)).map(id -> new Deployed(id, port.get()));
        }
    }

    /** One event loop's public server. */
    private static final class PublicVerticle extends VerticleBase {
        private final Endpoint endpoint;
        private final Authenticator authenticator;
        private final AtomicInteger boundPort;
        private HttpServer server;

        PublicVerticle(Endpoint endpoint, Authenticator authenticator, AtomicInteger boundPort) {
            this.endpoint = endpoint;
            this.authenticator = authenticator;
            this.boundPort = boundPort;
        }

        @Override
        public Future<?> start() {
            return listen(vertx, publicServerOptions(), endpoint, s -> s.requestHandler(new PublicApi(authenticator)))
                    .onSuccess(s -> {
                        server = s;
                        boundPort.set(s.actualPort());
                    });
        }

        /**
         * Vert.x 5 closes servers gracefully, waiting for clients to close kept-alive connections; callers
         * (proxies) keep theirs open for good, so stop closes them at once. Draining comes with the SIGTERM work.
         */
        @Override
        public Future<?> stop() {
            return server == null ? Future.succeededFuture() : server.shutdown(0, TimeUnit.SECONDS);
        }
    }

    /** HTTP/1.1 and h2c (upgrade and prior knowledge) on one port, as the contract requires. */
    static HttpServerOptions publicServerOptions() {
        return new HttpServerOptions().setHttp2ClearTextEnabled(true).setMaxHeaderSize(16 * 1024)
                .setIdleTimeout(60).setCompressionSupported(false);
    }

    private static Future<HttpServer> listen(Vertx vertx, HttpServerOptions opts, Endpoint endpoint,
                                             java.util.function.Consumer<HttpServer> configure) {
        HttpServer server = vertx.createHttpServer(opts);
        configure.accept(server);
        return server.listen(endpoint.port(), endpoint.host());
    }
}
