package io.authd.credentials.postgres;

import io.authd.credentials.CredentialInvalidation;
import io.authd.testing.Poll;
import io.authd.testing.TcpProxy;
import io.authd.testing.TestDatabase;
import io.authd.testing.TestPostgres;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static io.authd.testing.TestPostgres.await;
import static org.assertj.core.api.Assertions.assertThat;

/** LISTEN/NOTIFY against the real PostgreSQL; each test has a channel of its own. */
class CredentialNotificationsTest {
    private static final Duration WITHIN = Duration.ofSeconds(1);
    /** Reconnecting takes the first retry delay plus a connection; generous for a loaded machine. */
    private static final Duration RECONNECT = Duration.ofSeconds(10);

    @RegisterExtension
    private static final TestDatabase DB = new TestDatabase();

    private final String channel = TestPostgres.newSchema(); // a fresh plain identifier
    private final Recorder cache = new Recorder();
    private CredentialNotifications notifications;

    @AfterEach
    void stop() {
        if (notifications != null) {
            await(notifications.close());
        }
    }

    @Test
    void everyCachedUserIsDroppedOnceListening() {
        startListening();

        assertThat(cache.all).hasValue(1);
    }

    @Test
    void notifiedUserIsInvalidatedWithinOneSecond() {
        startListening();

        notify("{\"realm\":\"r\",\"username\":\"u\"}");

        Poll.until(WITHIN, "invalidate(r, u)", () -> cache.users.contains("r/u"));
    }

    @Test
    void payloadOfJsonBuildObjectIsUnderstood() {
        startListening();

        await(DB.admin().preparedQuery(
                        "SELECT pg_notify($1, json_build_object('realm', $2::text, 'username', $3::text)::text)")
                .execute(Tuple.of(channel, "sip.example.com", "Jäsøn \"JD\" Doe")));

        Poll.until(WITHIN, "invalidate of the user", () -> cache.users.contains("sip.example.com/Jäsøn \"JD\" Doe"));
    }

    @Test
    void payloadThatIsNotARealmAndUsernameObjectDropsEveryCachedUser() {
        startListening();
        List<String> bad = List.of("", "not json", "[\"r\",\"u\"]", "{\"realm\":\"r\"}",
                "{\"realm\":\"r\",\"username\":7}", "\"r/u\"");

        for (String payload : bad) {
            int before = cache.all.get();
            notify(payload);
            Poll.until(WITHIN, "invalidateAll after payload " + payload, () -> cache.all.get() > before);
        }

        assertThat(cache.users).isEmpty();
    }

    @Test
    void afterTheConnectionIsKilledEveryCachedUserIsDroppedAgainAndNotificationsStillArrive() {
        startListening();

        assertThat(listeners("pg_terminate_backend(pid)")).as("listener backends killed").isEqualTo(1);

        Poll.until(RECONNECT, "listening again, after an invalidateAll",
                () -> cache.all.get() == 2 && notifications.listening());
        notify("{\"realm\":\"r\",\"username\":\"after\"}");
        Poll.until(WITHIN, "a notification after the reconnect", () -> cache.users.contains("r/after"));
    }

    @Test
    void databaseUnreachableAtStartIsRetriedUntilItAnswers() {
        TcpProxy database = TcpProxy.start(DB.vertx(), TestPostgres.HOST, TestPostgres.PORT);
        database.refuse();
        notifications = CredentialNotifications.start(DB.vertx(),
                "postgresql://postgres@127.0.0.1:" + database.port() + "/postgres", channel, cache);
        assertThat(notifications.listening()).isFalse();

        database.restore();
        try {
            Poll.until(RECONNECT, "listening once the database answers", notifications::listening);
            assertThat(cache.all).hasValue(1);
            notify("{\"realm\":\"r\",\"username\":\"u\"}");
            Poll.until(WITHIN, "invalidate(r, u)", () -> cache.users.contains("r/u"));
        } finally {
            await(notifications.close());
            notifications = null;
            database.close();
        }
    }

    @Test
    void closedListenerLeavesTheDatabase() {
        startListening();

        await(notifications.close());

        assertThat(notifications.listening()).isFalse();
        Poll.until(RECONNECT, "the listener's backend gone", () -> listeners("pid") == 0);
        notifications = null;
    }

    @Test
    void retryDelayDoublesFromAHundredMillisecondsUpToTenSeconds() {
        assertThat(CredentialNotifications.delayAfter(0)).isEqualTo(100);
        assertThat(CredentialNotifications.delayAfter(1)).isEqualTo(200);
        assertThat(CredentialNotifications.delayAfter(6)).isEqualTo(6_400);
        assertThat(CredentialNotifications.delayAfter(7)).isEqualTo(10_000);
        assertThat(CredentialNotifications.delayAfter(Integer.MAX_VALUE)).isEqualTo(10_000);
    }

    private void startListening() {
        notifications = CredentialNotifications.start(DB.vertx(), TestPostgres.URI, channel, cache);
        Poll.until(RECONNECT, "listening", notifications::listening);
    }

    private void notify(String payload) {
        await(DB.admin().preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(channel, payload)));
    }

    /**
     * Selects {@code what} of the backends listening on this test's channel, and only those: the application name
     * is every listener's, but a listener's last statement names its channel, and each test's channel is its own.
     */
    private int listeners(String what) {
        return await(DB.admin().preparedQuery("SELECT " + what + " FROM pg_stat_activity"
                        + " WHERE application_name = $1 AND query = $2")
                .execute(Tuple.of(CredentialNotifications.APPLICATION_NAME, "LISTEN \"" + channel + "\"")))
                .rowCount();
    }

    /** Records what the listener told the cache. */
    private static final class Recorder implements CredentialInvalidation {
        final Queue<String> users = new ConcurrentLinkedQueue<>();
        final AtomicInteger all = new AtomicInteger();

        @Override
        public void invalidate(String realm, String username) {
            users.add(realm + "/" + username);
        }

        @Override
        public void invalidateAll() {
            all.incrementAndGet();
        }
    }
}
