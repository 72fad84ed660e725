package io.authd.credentials.postgres;

import io.authd.credentials.CredentialInvalidation;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Listens on a PostgreSQL channel (LISTEN/NOTIFY) for users changed by any replica and tells the cache, so a
 * changed password or a removed user is seen everywhere at once instead of after the cache ttl.
 *
 * <p>PostgreSQL does not keep notifications for a listener that is away: whatever was sent while the
 * connection was down is lost. So every successful LISTEN, the first and each after a reconnect, drops the
 * whole cache. The connection is retried forever, 100 ms after a loss and then doubling up to 10 s.
 *
 * <p>The connection's {@code application_name} is {@value #APPLICATION_NAME}, so operators (and tests) can
 * tell it in {@code pg_stat_activity}.
 */
public final class CredentialNotifications {
    public static final String APPLICATION_NAME = "authd-notify";
    private static final Logger LOG = LoggerFactory.getLogger(CredentialNotifications.class);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 10_000;
    private static final int MAX_LOGGED_PAYLOAD = 200;

    private final Vertx vertx;
    private final PgConnectOptions connect;
    private final String channel;
    private final CredentialInvalidation target;
    /** Set when listening stops, cleared when it resumes: the loss is logged once, not at every retry. */
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile boolean listening;
    private volatile boolean closed;
    private volatile PgSubscriber subscriber;
    private volatile long retryTimer = -1; // none yet: Vert.x timer ids start at 0
    /** The connection's first error, reported with its loss: PostgreSQL says why it ends one (57P01...). */
    private volatile String firstError = "";

    private CredentialNotifications(Vertx vertx, PgConnectOptions connect, String channel,
                                    CredentialInvalidation target) {
        this.vertx = vertx;
        this.connect = connect;
        this.channel = channel;
        this.target = target;
    }

    /**
     * Starts listening on {@code channel} (a plain lowercase identifier, as the configuration ensures) and
     * returns at once; until the first LISTEN succeeds, {@link #listening()} is false.
     */
    public static CredentialNotifications start(Vertx vertx, String postgresUri, String channel,
                                                CredentialInvalidation target) {
        PgConnectOptions connect = PgConnectOptions.fromUri(postgresUri)
                .addProperty("application_name", APPLICATION_NAME);
        CredentialNotifications notifications = new CredentialNotifications(vertx, connect, channel, target);
        notifications.subscribe(0);
        return notifications;
    }

    /** True while LISTEN is in effect, so that changes are heard. */
    public boolean listening() {
        return listening;
    }

    public Future<Void> close() {
        closed = true;
        listening = false;
        vertx.cancelTimer(retryTimer);
        return subscriber.close();
    }

    /**
     * A new subscriber per attempt until one connects: PgSubscriber retries by itself only once it has been
     * connected (its reconnect policy runs on a lost connection, not on a failed first connect).
     */
    private void subscribe(int failedAttempts) {
        if (closed) {
            return;
        }
        PgSubscriber s = PgSubscriber.subscriber(vertx, connect).reconnectPolicy(this::afterLoss);
        s.channel(channel).subscribeHandler(v -> subscribed(s)).handler(this::received);
        subscriber = s;
        if (closed) { // close() came in between and closed the previous subscriber
            s.close();
            return;
        }
        s.connect().onFailure(e -> {
            stopped(e.toString());
            s.close();
            retryTimer = vertx.setTimer(delayAfter(failedAttempts), id -> subscribe(failedAttempts + 1));
        });
    }

    /**
     * PgSubscriber's reconnect policy: asked with 0 when the connection is lost and with n after the n-th
     * failed attempt since; the answer is the delay before the next. It is the only sign of a loss it gives.
     */
    private long afterLoss(int failedAttempts) {
        if (failedAttempts == 0) {
            stopped(firstError.isEmpty() ? "connection lost" : "connection lost: " + firstError);
        }
        return delayAfter(failedAttempts);
    }

    /** 100 ms, then doubling up to 10 s: quick after a blip, gentle with a database that is down. */
    static long delayAfter(int failedAttempts) {
        return Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(failedAttempts, 16));
    }

    private void stopped(String why) {
        listening = false;
        if (down.compareAndSet(false, true)) {
            LOG.warn("credential notifications: not listening on channel {} ({}); retrying, and dropping every "
                    + "cached user once back, since changes sent meanwhile are lost", channel, why);
        }
    }

    private void subscribed(PgSubscriber s) {
        PgConnection connection = s.actualConnection();
        if (connection == null) {
            return; // lost again already: the reconnect under way calls back
        }
        if (closed) {
            connection.close(); // PgSubscriber finishes a pending reconnect even after its close()
            return;
        }
        firstError = "";
        // Handled, an error is kept for the loss message instead of reaching Vert.x as unhandled; the first,
        // since what follows it (a reset socket) says less.
        connection.exceptionHandler(e -> {
            if (firstError.isEmpty()) {
                firstError = e.toString();
            }
        });
        if (down.compareAndSet(true, false)) {
            LOG.info("credential notifications: listening on channel {} (recovered); dropping every cached user",
                    channel);
        } else {
            LOG.info("credential notifications: listening on channel {}", channel);
        }
        target.invalidateAll();
        listening = true;
    }

    private void received(String payload) {
        Optional<ChangedUser> changed = ChangedUser.parse(payload);
        if (changed.isPresent()) {
            target.invalidate(changed.get().realm(), changed.get().username());
            return;
        }
        LOG.warn("credential notifications: on channel {}, a payload that is not {\"realm\":...,\"username\":...}: "
                + "{}; dropping every cached user", channel, excerpt(payload));
        target.invalidateAll();
    }

    private static String excerpt(String payload) {
        return payload.length() <= MAX_LOGGED_PAYLOAD ? payload : payload.substring(0, MAX_LOGGED_PAYLOAD) + "...";
    }
}
