package io.authd.server;

import io.authd.testing.AdminClient;
import io.authd.testing.ClientDigest;
import io.authd.testing.MutableClock;
import io.authd.testing.Poll;
import io.authd.testing.TcpProxy;
import io.authd.testing.TestKeys;
import io.authd.testing.TestPostgres;
import io.authd.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real databases taken away under load, through a proxy that black-holes or refuses their traffic (the shared
 * servers keep running for every other test): cached users keep working, nothing else is allowed, the breaker
 * opens, readiness says so, and everything comes back without a restart once the database does.
 */
class StoreOutageEndToEndTest {
    private static final String REALM = "sip.example.com";
    private static final String REDIS_URI = System.getenv().getOrDefault("AUTHD_TEST_REDIS_URI", "redis://127.0.0.1:6379");
    private static final Duration RECOVERY = Duration.ofSeconds(15);
    private static final int LOAD_THREADS = 4;
    private static final int ROUNDS_PER_THREAD = 25;

    @TempDir
    Path dir;
    private Vertx vertx;
    private TcpProxy proxy;
    private String schema;
    private TestServer server;
    private final AtomicInteger nc = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.now());

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (schema != null) {
            TestPostgres.dropSchema(TestPostgres.admin(vertx), schema);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void postgresBlackHoledUnderLoadServesCachedUsersOnlyAndRecovers() throws Exception {
        postgresOutage(TcpProxy::blackHole);
    }

    @Test
    void postgresRefusingConnectionsUnderLoadServesCachedUsersOnlyAndRecovers() throws Exception {
        postgresOutage(TcpProxy::refuse);
    }

    @Test
    void redisReplayStoreDownNeverAcceptsAReplayAndRecovers() throws Exception {
        URI redis = URI.create(REDIS_URI);
        proxy = TcpProxy.start(vertx, redis.getHost(), redis.getPort());
        server = TestServer.startWith(dir, TestKeys.ring(1), clock, TestServer.config("", "  store: redis\n  redis:\n"
                + "    uri: redis://127.0.0.1:" + proxy.port() + "\n    timeout: 200ms\n    keyPrefix: \"authd-outage-"
                + UUID.randomUUID() + ":\"\n"));
        String challenge = challenge();
        JsonObject used = verifyRequest(challenge, "alice", "wonderland", next());
        assertThat(reason(used)).isEqualTo("ok");

        proxy.blackHole();
        Map<String, LongAdder> answers = load(() -> List.of(
                used, // a replay of a count the store saw
                verifyRequest(challenge, "alice", "wonderland", next()))); // fresh counts it cannot record

        assertThat(answers.keySet()).containsOnly("unavailable");
        Poll.until(RECOVERY, "/health/ready reports the replay store's open breaker", () -> ready() == 503);

        proxy.restore();
        Poll.until(RECOVERY, "fresh counts allowed again",
                () -> "ok".equals(reason(verifyRequest(challenge, "alice", "wonderland", next()))));
        assertThat(reason(used)).isEqualTo("replayed_nonce");
        Poll.until(RECOVERY, "/health/ready back to 200", () -> ready() == 200);
    }

    private void postgresOutage(java.util.function.Consumer<TcpProxy> outage) throws Exception {
        TestPostgres.requireReachable();
        URI pg = URI.create(TestPostgres.URI);
        proxy = TcpProxy.start(vertx, pg.getHost(), pg.getPort());
        schema = TestPostgres.newSchema();
        String uri = TestPostgres.URI.replace(":" + pg.getPort() + "/", ":" + proxy.port() + "/");
        server = TestServer.startWith(dir, TestKeys.ring(1), clock, TestServer.config("""
                  store: postgres
                  postgres:
                    uri: %s
                    schema: %s
                    timeout: 200ms
                    resilience: { minimumCalls: 4, slidingWindowSize: 8, openDuration: 500ms }
                    # Off: the notification listener's first subscription drops every cached user (changes may have
                    # been missed before it), and on a loaded machine it can come after alice is cached.
                    notifyChannel: ""
                  cache: { ttl: 60s, maxStaleness: 1h }
                """.formatted(uri, schema), ""));
        // The store prepares itself in the background; a write before that may outlive the 200 ms timeout.
        Poll.until(RECOVERY, "/health/ready before the test starts", () -> ready() == 200);
        AdminClient admin = new AdminClient(server);
        assertThat(admin.createUser(REALM, "alice", "wonderland").statusCode()).isEqualTo(201);
        assertThat(admin.createUser(REALM, "bob", "zanzibar").statusCode()).isEqualTo(201);
        String challenge = challenge();
        assertThat(reason(verifyRequest(challenge, "alice", "wonderland", next()))).isEqualTo("ok"); // alice cached
        clock.advance(Duration.ofMinutes(2)); // past the ttl: alice must be re-read, and can only be served stale

        outage.accept(proxy);
        Map<String, LongAdder> answers = load(() -> List.of(
                verifyRequest(challenge, "alice", "wonderland", next()),
                verifyRequest(challenge, "alice", "wrong", next()),
                verifyRequest(challenge, "bob", "zanzibar", next()),
                verifyRequest(challenge, "mallory-" + UUID.randomUUID(), "guess", next())));

        int rounds = LOAD_THREADS * ROUNDS_PER_THREAD;
        assertThat(answers.get("ok").sum()).as("cached alice allowed every time").isEqualTo(rounds);
        assertThat(answers.get("bad_credentials").sum()).as("alice's wrong password refused every time").isEqualTo(rounds);
        assertThat(answers.get("unavailable").sum()).as("bob and unknown users: 503").isEqualTo(2L * rounds);
        Poll.until(RECOVERY, "/health/ready reports the open breaker", () -> ready() == 503);

        proxy.restore();
        Poll.until(RECOVERY, "uncached bob allowed again",
                () -> "ok".equals(reason(verifyRequest(challenge, "bob", "zanzibar", next()))));
        Poll.until(RECOVERY, "/health/ready back to 200", () -> ready() == 200);
    }

    /** Sends each round's requests from several threads at once; answers counted by reason. */
    private Map<String, LongAdder> load(java.util.function.Supplier<List<JsonObject>> round) throws Exception {
        Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(LOAD_THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < LOAD_THREADS; t++) {
                running.add(pool.submit(() -> {
                    for (int i = 0; i < ROUNDS_PER_THREAD; i++) {
                        for (JsonObject request : round.get()) {
                            answers.computeIfAbsent(reason(request), k -> new LongAdder()).increment();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return answers;
    }

    private String reason(JsonObject request) {
        try {
            return server.decision("/v1/verify", request).getString("reason");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private int ready() {
        try {
            return server.get(server.managementUrl("/health/ready")).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String challenge() throws Exception {
        JsonObject request = new JsonObject().put("protocol", "sip").put("realm", REALM)
                .put("algorithms", new JsonArray().add("MD5"));
        return TestServer.headers(server.decision("/v1/challenge", request), "WWW-Authenticate").get(0);
    }

    private String next() {
        return String.format("%08x", nc.incrementAndGet());
    }

    private static JsonObject verifyRequest(String challenge, String user, String password, String nc) {
        return new JsonObject().put("protocol", "sip").put("method", "REGISTER").put("uri", "sip:" + REALM)
                .put("realm", REALM).put("authorization", ClientDigest.authorization(challenge, user, password,
                        "REGISTER", "sip:" + REALM, nc, "c-" + nc, "auth", null));
    }
}
