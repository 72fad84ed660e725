package io.authd.credentials.postgres;

import io.authd.testing.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnection;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.authd.testing.TestPostgres.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A LISTEN session on a connection of its own, collecting the payloads of one channel. */
final class Listener implements AutoCloseable {
    private final PgConnection connection;
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

    private Listener(PgConnection connection) {
        this.connection = connection;
    }

    static Listener on(Vertx vertx, String channel) {
        Listener listener = new Listener(await(PgConnection.connect(vertx, TestPostgres.URI)));
        listener.connection.notificationHandler(n -> listener.heard.add(n.getPayload()));
        await(listener.connection.query("LISTEN " + channel).execute());
        return listener;
    }

    /** The payload of the next notification, which must come within 5 s, as JSON. */
    JsonObject next() throws InterruptedException {
        String payload = heard.poll(5, TimeUnit.SECONDS);
        assertThat(payload).as("a notification within 5 s").isNotNull();
        return new JsonObject(payload);
    }

    /** True when no notification comes within {@code wait}. */
    boolean silentFor(Duration wait) throws InterruptedException {
        return heard.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    /** The payload announcing a change of {@code username} in {@code realm}. */
    static JsonObject user(String realm, String username) {
        return new JsonObject().put("realm", realm).put("username", username);
    }

    @Override
    public void close() {
        await(connection.close());
    }
}
