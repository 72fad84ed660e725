package io.authd.testing;

import io.authd.admin.AdminToken;
import io.authd.config.AuthdOptions;
import io.authd.config.ConfigLoader;
import io.authd.digest.DigestHasher;
import io.authd.digest.HashFunction;
import io.authd.metrics.Metrics;
import io.authd.nonce.NonceKeyRing;
import io.authd.server.AuthdServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real authd on ephemeral ports, with a test clock and a fixed key ring, configured from YAML the way an
 * operator would, and a credentials file holding:
 * alice / wonderland and bob / zanzibar in every realm, plus {@code Jäsøn Doe} / {@code Secret, or not?}.
 * The admin API is on, with {@link #ADMIN_TOKEN}; metrics are on, with Vert.x's own meters, as {@code authd serve}
 * has them.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_TOKEN = "authd_admin_end-to-end-test-token";
    private static final String ADMIN_YAML = "admin:\n  tokenHash: " + AdminToken.hash(ADMIN_TOKEN) + "\n";
    public static final String CONFIG = ADMIN_YAML + """
            mode: demo
            instances: 1
            listen:
              public: { host: 127.0.0.1, port: 0 }
              management: { host: 127.0.0.1, port: 0 }
            defaultRealm: example.com
            realms:
              - name: example.com
                algorithms: [SHA-256, MD5, SHA-512-256, SHA-256-sess, MD5-sess, SHA-512-256-sess]
                qop: [auth, auth-int]
                nonceLifetime: 300s
                nextNonceAfter: 0.8
              - name: md5.example.com
                algorithms: [MD5]
                qop: [auth]
              - name: sha256.example.com
                algorithms: [SHA-256]
                qop: [auth]
              - name: sip.example.com
                algorithms: [SHA-256, MD5]
                qop: [auth, auth-int]
                sipUriCheck: strict
              - name: rewrite.example.com
                algorithms: [MD5]
                sipUriCheck: off
              - name: legacy.example.com
                algorithms: [MD5]
                qop: []
                allowNoQop: true
              - name: bound.example.com
                algorithms: [MD5]
                bindClientAddress: true
            credentials:
              file: credentials.yaml
              reloadInterval: 1s
            replay:
              window: 64
            """;
    public static final String[] REALMS = {"example.com", "md5.example.com", "sha256.example.com",
            "sip.example.com", "rewrite.example.com", "legacy.example.com", "bound.example.com"};

    public final MutableClock clock;
    private final Vertx vertx;
    private final AuthdServer server;
    private final Metrics metrics;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServer(Vertx vertx, AuthdServer server, MutableClock clock, Metrics metrics) {
        this.vertx = vertx;
        this.server = server;
        this.metrics = metrics;
        this.clock = clock;
    }

    public static TestServer start(Path dir, NonceKeyRing ring, MutableClock clock) throws Exception {
        return start(dir, ring, clock, "");
    }

    /** @param replayYaml more keys of the {@code replay:} section, each line indented by two spaces */
    public static TestServer start(Path dir, NonceKeyRing ring, MutableClock clock, String replayYaml) throws Exception {
        return startWith(dir, ring, clock, CONFIG + replayYaml);
    }

    /** A server whose configuration has no admin section, so its admin API is off. */
    public static TestServer startWithoutAdmin(Path dir) throws Exception {
        return startWith(dir, TestKeys.ring(1), MutableClock.at("2026-11-23T10:00:00Z"), CONFIG.replace(ADMIN_YAML, ""));
    }

    /**
     * {@link #CONFIG} with more keys in its {@code credentials:} and {@code replay:} sections, each line indented by
     * two spaces (e.g. {@code "  store: postgres\n"}).
     */
    public static String config(String credentialsYaml, String replayYaml) {
        return CONFIG.replace("credentials:\n", "credentials:\n" + credentialsYaml) + replayYaml;
    }

    /** A server on {@code config}; the credentials file is written too, whether the config uses it or not. */
    public static TestServer startWith(Path dir, NonceKeyRing ring, MutableClock clock, String config) throws Exception {
        writeCredentials(dir.resolve("credentials.yaml"));
        Files.writeString(dir.resolve("authd.yaml"), config);
        AuthdOptions options = ConfigLoader.load(dir.resolve("authd.yaml"), Map.of());
        Metrics metrics = Metrics.create(options.metrics());
        Vertx vertx = metrics.vertx();
        AuthdServer server = AuthdServer.builder(options).clock(clock).keyRing(ring).metrics(metrics).start(vertx)
                .await(20, TimeUnit.SECONDS);
        return new TestServer(vertx, server, clock, metrics);
    }

    public static TestServer start(Path dir) throws Exception {
        return start(dir, TestKeys.ring(1), MutableClock.at("2026-11-23T10:00:00Z"));
    }

    /** The credentials file, written by hand from RFC 7616 §3.4.2 rather than by authd's own editor. */
    public static void writeCredentials(Path file) throws IOException {
        StringBuilder y = new StringBuilder("version: 1\nrealms:\n");
        for (String realm : REALMS) {
            y.append("  ").append(realm).append(":\n");
            user(y, realm, "alice", "wonderland");
            user(y, realm, "bob", "zanzibar");
            user(y, realm, "Jäsøn Doe", "Secret, or not?");
        }
        Files.writeString(file, y);
    }

    private static void user(StringBuilder y, String realm, String name, String password) {
        y.append("    \"").append(name).append("\":\n      ha1:\n");
        for (HashFunction h : HashFunction.values()) {
            y.append("        ").append(h.token()).append(": ")
                    .append("\"").append(DigestHasher.current().ha1(h, name, realm, password)).append("\"\n");
        }
    }

    public int port() {
        return server.publicPort();
    }

    public int managementPort() {
        return server.managementPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort() + path;
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs to /v1/verify or /v1/challenge and returns the Decision (HTTP 200 or 503 expected). */
    public JsonObject decision(String path, JsonObject request) throws IOException, InterruptedException {
        HttpResponse<String> r = post(path, request.encode());
        if (r.statusCode() != 200 && r.statusCode() != 503) {
            throw new AssertionError("expected a Decision, got HTTP " + r.statusCode() + ": " + r.body());
        }
        return new JsonObject(r.body());
    }

    /** The values of the Decision's headers named {@code name}. */
    public static java.util.List<String> headers(JsonObject decision, String name) {
        JsonArray hs = decision.getJsonArray("headers");
        return hs.stream().map(JsonObject.class::cast).filter(h -> h.getString("name").equalsIgnoreCase(name))
                .map(h -> h.getString("value")).toList();
    }

    @Override
    public void close() throws java.util.concurrent.TimeoutException {
        // Sequential, not composed: vertx.close() from an event-loop callback can never complete its own future.
        server.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        metrics.close();
    }
}
