package io.authd.testing;

import io.authd.config.CredentialDatabaseOptions;
import io.authd.replay.PostgresReplayOptions;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.SqlClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.fail;

/**
 * The PostgreSQL the test script starts on 127.0.0.1:5432. Tests that need it fail when it is absent
 * (a skipped replay test would hide a broken store), and each run works in a schema of its own.
 */
public final class TestPostgres {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    /** bin/test exports the role it made sure exists; the default suits the machine's trust setup. */
    public static final String URI = System.getenv().getOrDefault("AUTHD_TEST_PG_URI",
            "postgresql://postgres@" + HOST + ":" + PORT + "/postgres");

    private TestPostgres() {
    }

    public static void requireReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 2_000);
        } catch (IOException e) {
            fail("PostgreSQL is not reachable on " + HOST + ":" + PORT + " (" + e.getMessage()
                    + "); these tests need it and do not skip: start it (the test suite's script does)");
        }
    }

    /** A fresh schema name, so parallel or aborted runs never share state. */
    public static String newSchema() {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        return "authd_test_" + HexFormat.of().formatHex(random);
    }

    /** Runs {@code test} with the name of a fresh schema, and drops the schema afterwards whatever the test did. */
    public static void inFreshSchema(SchemaTest test) throws Exception {
        requireReachable();
        String schema = newSchema();
        Vertx vertx = Vertx.vertx();
        try {
            test.run(schema);
        } finally {
            dropSchema(admin(vertx), schema);
            vertx.close();
        }
    }

    /** A test that uses a schema of its own. */
    @FunctionalInterface
    public interface SchemaTest {
        void run(String schema) throws Exception;
    }

    public static SqlClient admin(Vertx vertx) {
        return PgBuilder.client().connectingTo(URI).using(vertx).build();
    }

    public static void dropSchema(SqlClient admin, String schema) {
        await(admin.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute());
    }

    public static long rowCount(SqlClient admin, String schema) {
        return await(admin.query("SELECT count(*) FROM " + schema + ".authd_replay").execute())
                .iterator().next().getLong(0);
    }

    /** A generous timeout: a loaded build machine must not turn a correct store into a failed test. */
    public static PostgresReplayOptions options(String schema, int window) {
        return new PostgresReplayOptions(URI, schema, window, Duration.ofSeconds(5), Duration.ofMinutes(10));
    }

    /**
     * The credential store's defaults in {@code schema}, with a generous timeout; the notify channel is named after
     * the schema, so that a test listening on it hears only its own changes.
     */
    public static CredentialDatabaseOptions credentialOptions(String schema) {
        CredentialDatabaseOptions d = CredentialDatabaseOptions.DEFAULTS;
        return new CredentialDatabaseOptions(URI, schema, true, d.poolSize(), Duration.ofSeconds(5), d.lookup(),
                schema, d.resilience());
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within 10 s", e);
        }
    }
}
