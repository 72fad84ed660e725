package io.authd.server;

import io.authd.config.TlsOptions;
import io.authd.credentials.FileStamp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ServerSSLOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * TLS on the public port from PEM files, and their reload: a timer compares the files' stamps (read on a worker
 * thread, never on the event loop) and, when one changed, hands the server freshly read options. New connections
 * get the new certificate; open ones keep the one they agreed on.
 */
final class PublicTls {
    private static final Logger LOG = LoggerFactory.getLogger(PublicTls.class);
    /** PEM files larger than this are no certificate anyone meant; stop hashing there. */
    private static final long MAX_PEM_BYTES = 1 << 20;

    private PublicTls() {
    }

    /** HTTPS with ALPN, so h2 and HTTP/1.1 share the port as h2c and HTTP/1.1 do without TLS. */
    static HttpServerOptions apply(HttpServerOptions options, TlsOptions tls) {
        ServerSSLOptions ssl = sslOptions(tls);
        return options.setSsl(true).setUseAlpn(true).setKeyCertOptions(ssl.getKeyCertOptions())
                .setTrustOptions(ssl.getTrustOptions()).setClientAuth(ssl.getClientAuth());
    }

    static ServerSSLOptions sslOptions(TlsOptions tls) {
        ServerSSLOptions ssl = new ServerSSLOptions().setUseAlpn(true)
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.certFile().toString())
                        .setKeyPath(tls.keyFile().toString()))
                .setClientAuth(switch (tls.clientAuth()) {
                    case NONE -> ClientAuth.NONE;
                    case REQUEST -> ClientAuth.REQUEST;
                    case REQUIRE -> ClientAuth.REQUIRED;
                });
        if (tls.clientCaFile() != null) {
            ssl.setTrustOptions(new PemTrustOptions().addCertPath(tls.clientCaFile().toString()));
        }
        return ssl;
    }

    /** Checks the files every {@code reloadInterval}; returns the timer id, to cancel when the server stops. */
    static long watch(Vertx vertx, HttpServer server, TlsOptions tls) {
        Watched watched = new Watched(vertx, server, tls);
        watched.check(); // the stamps of the files as the server loaded them
        return vertx.setPeriodic(tls.reloadInterval().toMillis(), id -> watched.check());
    }

    private static final class Watched {
        private final Vertx vertx;
        private final HttpServer server;
        private final TlsOptions tls;
        private List<FileStamp> last;
        private boolean checking;

        Watched(Vertx vertx, HttpServer server, TlsOptions tls) {
            this.vertx = vertx;
            this.server = server;
            this.tls = tls;
        }

        /** Runs on the event loop; the file reads run on a worker. */
        void check() {
            if (checking) {
                return;
            }
            checking = true;
            vertx.executeBlocking(() -> stamps(tls))
                    .compose(this::reloadIfChanged)
                    .onFailure(err -> LOG.warn("cannot reload the TLS files of the public port; keeping the "
                            + "current certificate: {}", err.toString()))
                    .onComplete(r -> checking = false);
        }

        private Future<Boolean> reloadIfChanged(List<FileStamp> now) {
            if (last == null || last.equals(now)) {
                last = now;
                return Future.succeededFuture(false);
            }
            // force: the options name the same paths, so without it Vert.x would see nothing new to load.
            return server.updateSSLOptions(sslOptions(tls), true).onSuccess(updated -> {
                last = now;
                LOG.info("reloaded the TLS certificate of the public port from {}", tls.certFile());
            });
        }
    }

    private static List<FileStamp> stamps(TlsOptions tls) throws IOException {
        List<FileStamp> stamps = new ArrayList<>();
        for (Path file : Stream.of(tls.certFile(), tls.keyFile(), tls.clientCaFile()).filter(Objects::nonNull).toList()) {
            stamps.add(FileStamp.read(file, MAX_PEM_BYTES));
        }
        return stamps;
    }
}
