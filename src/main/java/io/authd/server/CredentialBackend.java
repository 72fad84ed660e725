package io.authd.server;

import io.authd.config.CredentialDatabaseOptions;
import io.authd.config.CredentialsOptions;
import io.authd.credentials.CachingCredentialStore;
import io.authd.credentials.CredentialAdmin;
import io.authd.credentials.CredentialInvalidation;
import io.authd.credentials.CredentialStore;
import io.authd.credentials.FileCredentialStore;
import io.authd.credentials.postgres.CredentialNotifications;
import io.authd.credentials.postgres.PostgresCredentialStore;
import io.authd.resilience.ResilientCallGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The credential store the configuration names, with what goes around it: the cache in front, the admin API's
 * write side, the invalidation that admin writes and NOTIFY news go to, and how to stop it all.
 *
 * @param lookups      what verification asks (the cache when there is one)
 * @param admin        the write side, empty when the store takes no writes
 * @param invalidation where news of changed users goes (the cache, or nowhere)
 * @param close        stops timers, listeners and connections
 * @param guard        the database's breaker and bulkhead, for metrics; empty for stores that cannot fail
 */
record CredentialBackend(CredentialStore lookups, Optional<CredentialAdmin> admin, CredentialInvalidation invalidation,
                         Supplier<Future<Void>> close, Optional<ResilientCallGuard> guard) {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialBackend.class);
    /** Start-up waits this long for the database before serving unready (a cold pool's first connect is slow). */
    private static final int PREPARE_ATTEMPTS = 20;
    private static final long PREPARE_RETRY_MILLIS = 250;

    /** A store given by a test, used as it is. */
    static CredentialBackend given(CredentialStore store) {
        Optional<CredentialAdmin> admin = store instanceof CredentialAdmin a ? Optional.of(a) : Optional.empty();
        return new CredentialBackend(store, admin, CredentialInvalidation.none(), Future::succeededFuture,
                Optional.empty());
    }

    static Future<CredentialBackend> create(Vertx vertx, CredentialsOptions options, InstantSource clock) {
        return options.usesPostgres() ? postgres(vertx, options, clock) : Future.succeededFuture(file(vertx, options));
    }

    /** Blocking load of the file: start-up runs before serving. */
    private static CredentialBackend file(Vertx vertx, CredentialsOptions options) {
        FileCredentialStore file = FileCredentialStore.open(options.file());
        file.start(vertx, options.reloadInterval());
        return new CredentialBackend(file, Optional.of(file), CredentialInvalidation.none(), () -> {
            file.stop();
            return Future.succeededFuture();
        }, Optional.empty());
    }

    /**
     * Starts even when the database cannot be reached: the replica answers 503 and reports unready until it can,
     * then recovers on its own; refusing to start would turn a database blip into a crash loop.
     */
    private static Future<CredentialBackend> postgres(Vertx vertx, CredentialsOptions options, InstantSource clock) {
        CredentialDatabaseOptions pg = options.postgres();
        ResilientCallGuard guard = ResilientCallGuard.create(vertx, "credential store", pg.resilience(), pg.timeout());
        PostgresCredentialStore database = PostgresCredentialStore.create(vertx, pg, guard);
        CredentialStore lookups = CachingCredentialStore.wrap(database, options.cache(), clock);
        CredentialInvalidation invalidation = lookups instanceof CachingCredentialStore cache
                ? cache : CredentialInvalidation.none();
        // Without a cache there is nothing to invalidate, so nothing to listen for.
        CredentialNotifications notifications = pg.notifyChannel().isEmpty() || lookups == database ? null
                : CredentialNotifications.start(vertx, pg.uri(), pg.notifyChannel(), invalidation);
        // A table read with custom queries cannot be listed or written: the admin API says so (read_only_store).
        Optional<CredentialAdmin> admin = pg.customLookup() ? Optional.empty() : Optional.of(database);
        Supplier<Future<Void>> close = () -> (notifications == null ? Future.<Void>succeededFuture()
                : notifications.close()).transform(v -> database.close());
        CredentialBackend backend = new CredentialBackend(lookups, admin, invalidation, close, Optional.of(guard));
        return prepare(vertx, database, PREPARE_ATTEMPTS).transform(done -> {
            if (done.failed()) {
                LOG.warn("credential store not ready at start-up, serving 503 until it is: {}", done.cause().getMessage());
            }
            return Future.succeededFuture(backend);
        });
    }

    private static Future<Void> prepare(Vertx vertx, PostgresCredentialStore store, int attemptsLeft) {
        return store.prepare().recover(err -> attemptsLeft <= 1 ? Future.failedFuture(err)
                : vertx.timer(PREPARE_RETRY_MILLIS).compose(t -> prepare(vertx, store, attemptsLeft - 1)));
    }
}
