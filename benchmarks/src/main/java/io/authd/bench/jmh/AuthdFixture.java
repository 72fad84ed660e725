package io.authd.bench.jmh;

import io.authd.auth.Authenticator;
import io.authd.bearer.BearerAuthenticator;
import io.authd.bearer.BearerRealms;
import io.authd.config.AuthdOptions;
import io.authd.config.ConfigLoader;
import io.authd.credentials.FileCredentialStore;
import io.authd.digest.DigestAlgorithm;
import io.authd.digest.DigestHasher;
import io.authd.digest.HashFunction;
import io.authd.lockout.Lockout;
import io.authd.lockout.Lockouts;
import io.authd.metrics.Metrics;
import io.authd.nonce.NonceKeyRings;
import io.authd.nonce.NonceService;
import io.authd.replay.ReplayStore;
import io.authd.replay.ReplayStores;
import io.authd.server.AuthdServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * authd's verification objects, built from a configuration's text the way {@code AuthdServer} builds them (the
 * same factories, {@link AuthdServer#authenticator} included), over a credentials file holding {@link #USER}.
 * The realm {@link #REALM} offers every Digest algorithm with qop=auth; the replay store is {@code memory} and
 * the credential store {@code file}, whose futures complete at once: a verification completes in the calling
 * thread, as on an event loop, and no socket is involved.
 */
final class AuthdFixture implements AutoCloseable {
    static final String REALM = "example.com";
    static final String USER = "alice";
    static final String PASSWORD = "wonderland";
    /** The ring the benchmarks' clients mint against, in the nonce.keys format; fixed, so two fixtures share it. */
    static final String NONCE_KEYS = "1:YXV0aGQtam1oLWJlbmNobWFyay1ub25jZS1rZXktMzItYnl0ZXMh";

    /** What the load scripts run (benchmarks/load/lib/bench.sh): no audit trail, no metrics, no lockout. */
    static final String BARE = """
            logging: {audit: false}
            metrics: {enabled: false}
            lockout: {enabled: false}
            """;
    /** The defaults a deployment runs with: audit trail, metrics and the memory lockout on. */
    static final String AS_SERVED = "";

    private final Path dir;
    private final Vertx vertx;
    private final AuthdOptions options;
    private final Metrics metrics;
    private final Lockout lockout;
    private final BearerAuthenticator bearer;
    private final FileCredentialStore credentials;
    final NonceService nonces;

    private AuthdFixture(Path dir, AuthdOptions options) {
        this.dir = dir;
        this.options = options;
        this.vertx = Vertx.vertx();
        InstantSource clock = InstantSource.system();
        this.metrics = Metrics.create(options.metrics());
        this.credentials = FileCredentialStore.open(options.credentials().file());
        this.lockout = now(Lockouts.create(vertx, options.lockout(), options.replay(), clock, metrics.lockout()));
        this.bearer = BearerRealms.create(vertx, options.realms(), credentials, clock);
        this.nonces = new NonceService(NonceKeyRings.load(options.nonce(), options.mode()), clock);
    }

    /** @param settings YAML appended to the configuration, e.g. {@link #BARE} */
    static AuthdFixture start(String settings) {
        try {
            Path dir = Files.createTempDirectory("authd-jmh");
            Path users = dir.resolve("credentials.yaml");
            Files.writeString(users, credentialsYaml());
            String yaml = """
                    realms:
                      - name: %s
                        algorithms: [%s]
                        qop: [auth]
                    nonce:
                      keys: "%s"
                    credentials:
                      store: file
                      file: %s
                    replay:
                      store: memory
                    """.formatted(REALM, tokens(), NONCE_KEYS, users) + settings;
            // No environment: an AUTHD_* variable of the shell must not change what is measured.
            return new AuthdFixture(dir, ConfigLoader.load(yaml, dir, Map.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh authenticator over a fresh replay store from {@code replay.*}, sharing everything else (nonce key
     * ring, credentials, lockout, metrics) with the previous ones.
     */
    Authenticator authenticator() {
        ReplayStore replay = now(ReplayStores.create(vertx, options.replay(), InstantSource.system()));
        return AuthdServer.authenticator(options, nonces, credentials, replay, bearer, lockout, metrics.auth());
    }

    @Override
    public void close() {
        metrics.close();
        vertx.close().await();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The memory stores answer at once; anything else would mean the fixture is not what it says. */
    private static <T> T now(Future<T> f) {
        if (!f.succeeded()) {
            throw new IllegalStateException("expected a store that answers at once", f.cause());
        }
        return f.result();
    }

    private static String tokens() {
        return Arrays.stream(DigestAlgorithm.values()).map(DigestAlgorithm::token).collect(Collectors.joining(", "));
    }

    /** The credentials file format (credentials.CredentialFile): one HA1 per hash function. */
    private static String credentialsYaml() {
        StringBuilder yaml = new StringBuilder("version: 1\nrealms:\n  " + REALM + ":\n    " + USER + ":\n      ha1:\n");
        for (HashFunction h : HashFunction.values()) {
            yaml.append("        ").append(h.token()).append(": \"")
                    .append(DigestHasher.current().ha1(h, USER, REALM, PASSWORD)).append("\"\n");
        }
        return yaml.toString();
    }
}
