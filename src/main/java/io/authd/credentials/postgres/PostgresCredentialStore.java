package io.authd.credentials.postgres;

import io.authd.config.CredentialDatabaseOptions;
import io.authd.credentials.ApiKey;
import io.authd.credentials.ApiKeyAdmin;
import io.authd.credentials.CredentialAdmin;
import io.authd.credentials.CredentialStore;
import io.authd.credentials.UserChange;
import io.authd.credentials.UserCredentials;
import io.authd.credentials.UserEntry;
import io.authd.credentials.WriteResult;
import io.authd.digest.HashFunction;
import io.authd.resilience.CallGuard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VertxException;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Users in PostgreSQL: authd's own table (migrated by {@link Migrations}, written through the admin API), or,
 * with {@code credentials.postgres.lookup}, an existing user table read with the operator's queries and never
 * written ({@link WriteResult.ReadOnly}).
 *
 * <p>Every database call, lookups, writes, the schema check and the health ping alike, runs through the
 * {@link CallGuard}, which owns the time limit ({@code credentials.postgres.timeout}), the circuit breaker and the
 * bulkhead; the store sets no client-side timer of its own. A failed future means the database could not answer
 * and the caller fails closed; an unknown user is an empty result.
 *
 * <p>The store is usable before it is {@link #prepare prepared}: the first lookup prepares it, and until then a
 * health tick retries every second, so a database that is down or behind at start-up is picked up when it comes
 * back (or is migrated). Once prepared, the tick sends {@code SELECT 1} through the guard, so that an open circuit
 * breaker gets its trial calls, and closes, even while a cache in front answers every lookup.
 */
public final class PostgresCredentialStore implements CredentialStore, CredentialAdmin, ApiKeyAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresCredentialStore.class);
    private static final long TICK_MILLIS = 1_000;
    /** The {@code pool_name} of Vert.x's {@code vertx_pool_*} meters (the default name is the same for every pool). */
    private static final String METRICS_POOL_NAME = "authd-credentials";
    private static final Future<Void> PREPARED = Future.succeededFuture();
    private static final Future<Optional<UserCredentials>> NO_USER = Future.succeededFuture(Optional.empty());
    private static final String READ_ONLY = "users are read with credentials.postgres.lookup queries from a table"
            + " authd does not own; change them where that table is managed";

    private final Vertx vertx;
    private final SqlClient client;
    private final CallGuard guard;
    private final UserQueries queries;
    private final OwnTableAdmin writer; // null with custom lookups: nothing to write to
    private final ApiKeyRows apiKeys; // null with custom lookups: no table of authd's own to keep keys in
    private final UserRows rows = new UserRows();
    private final LookupBatcher batcher; // null with custom lookups: the operator's query takes one name
    private final AtomicReference<Future<Void>> preparing = new AtomicReference<>();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final long timer;
    private volatile boolean prepared;
    private volatile String lastProblem; // to log a problem once, not at every tick

    private PostgresCredentialStore(Vertx vertx, SqlClient client, CallGuard guard, UserQueries queries,
                                    OwnTableAdmin writer, ApiKeyRows apiKeys, int poolSize) {
        this.vertx = vertx;
        this.client = client;
        this.guard = guard;
        this.queries = queries;
        this.writer = writer;
        this.apiKeys = apiKeys;
        // As many queries out per event loop as there are connections; lookups beyond that batch.
        this.batcher = queries instanceof OwnTable own
                ? new LookupBatcher(poolSize, (realm, names) -> run(own.byUsernames(realm, names)), rows)
                : null;
        this.timer = vertx.setPeriodic(TICK_MILLIS, id -> tick());
    }

    /**
     * Connects lazily: nothing is sent before the first lookup or tick.
     *
     * @throws IllegalArgumentException if {@code options.uri()} does not parse
     */
    public static PostgresCredentialStore create(Vertx vertx, CredentialDatabaseOptions options, CallGuard guard) {
        PgConnectOptions connect = PostgresConnections.connectOptions(options)
                // Server side: a statement stuck behind a lock (a migration's) gives up instead of holding a
                // pipelined connection that later lookups queue behind. The caller's limit is the guard's.
                .addProperty("statement_timeout", PostgresConnections.millis(options.timeout()) + "ms");
        // The pipelined client: lookups are single short statements, many in flight per connection.
        SqlClient client = PgBuilder.client()
                .with(PostgresConnections.poolOptions(options.timeout()).setMaxSize(options.poolSize())
                        .setName(METRICS_POOL_NAME))
                .with(PostgresConnections.netOptions(options.timeout()))
                .connectingTo(connect)
                .using(vertx)
                .build();
        if (options.customLookup()) {
            return new PostgresCredentialStore(vertx, client, guard, new CustomLookup(options.lookup()), null, null,
                    options.poolSize());
        }
        return new PostgresCredentialStore(vertx, client, guard, new OwnTable(vertx, options),
                new OwnTableAdmin(client, options), new ApiKeyRows(options), options.poolSize());
    }

    /**
     * Makes the store able to answer: migrates (or checks) the schema, or checks the custom queries. Never required
     * (lookups and the tick call it), only earlier; concurrent calls share one attempt, and a failed attempt is
     * retried by the next call. Fails when the database cannot be asked or the store cannot serve, saying why.
     */
    public Future<Void> prepare() {
        if (prepared) {
            return PREPARED;
        }
        Promise<Void> attempt = Promise.promise();
        Future<Void> running = preparing.compareAndExchange(null, attempt.future());
        if (running != null) {
            return running;
        }
        guard.call(() -> queries.prepare(client)).onComplete((problem, failure) -> {
            Throwable notReady = failure;
            if (failure != null) {
                report(Level.WARN, "credential database cannot be reached: " + failure);
            } else if (problem.isPresent()) {
                report(Level.ERROR, problem.get());
                notReady = new VertxException(problem.get(), true);
            } else {
                prepared = true;
                lastProblem = null;
                LOG.info("credential store ready");
            }
            preparing.set(null); // after prepared is set: whoever finds no attempt running finds it prepared
            attempt.handle(notReady == null ? Future.succeededFuture() : Future.failedFuture(notReady));
        });
        return attempt.future();
    }

    /** True once prepared, while the guard lets calls through. */
    @Override
    public boolean ready() {
        return prepared && guard.available();
    }

    public Future<Void> close() {
        vertx.cancelTimer(timer);
        return client.close();
    }

    @Override
    public Future<Optional<UserCredentials>> findByUsername(String realm, String username) {
        if (batcher != null && Context.isOnEventLoopThread()) {
            return batcher.find(realm, username);
        }
        return run(queries.byUsername(realm, username))
                .map(found -> rows.byUsername(UserRows.list(found), realm, username));
    }

    @Override
    public Future<Optional<UserCredentials>> findByUserhash(String realm, HashFunction hash, String userhash) {
        return queries.byUserhash(realm, hash, userhash)
                .map(query -> run(query).map(found -> rows.byUserhash(UserRows.list(found), realm)))
                .orElse(NO_USER);
    }

    /** With custom lookups there is no key table: no key is found. */
    @Override
    public Future<Optional<ApiKey>> findApiKey(String realm, String id) {
        return apiKeys == null ? Future.succeededFuture(Optional.empty())
                : run(apiKeys.find(realm, id)).map(ApiKeyRows::first);
    }

    @Override
    public Future<Void> createApiKey(ApiKey key) {
        return keys(k -> run(k.insert(key)).mapEmpty());
    }

    @Override
    public Future<List<ApiKey>> listApiKeys(String realm) {
        return keys(k -> run(k.list(realm)).map(ApiKeyRows::all));
    }

    @Override
    public Future<Boolean> revokeApiKey(String realm, String id) {
        return keys(k -> run(k.delete(realm, id)).map(rows -> rows.rowCount() > 0));
    }

    private <T> Future<T> keys(Function<ApiKeyRows, Future<T>> call) {
        return apiKeys == null ? Future.failedFuture(new UnsupportedOperationException("cannot keep API keys: " + READ_ONLY))
                : call.apply(apiKeys);
    }

    @Override
    public Future<WriteResult> create(UserCredentials user) {
        return write(w -> w.create(user));
    }

    @Override
    public Future<WriteResult> update(String realm, String username, UserChange change) {
        return write(w -> w.update(realm, username, change));
    }

    @Override
    public Future<WriteResult> delete(String realm, String username) {
        return write(w -> w.delete(realm, username));
    }

    /** With custom lookups, the user as the lookup query finds it. */
    @Override
    public Future<Optional<UserEntry>> get(String realm, String username) {
        if (writer == null) {
            return findByUsername(realm, username).map(user -> user.map(u ->
                    new UserEntry(u.realm(), u.username(), u.enabled(), u.ha1().keySet())));
        }
        return own(w -> w.get(realm, username));
    }

    /** Fails with custom lookups: their queries find users one at a time and cannot list them. */
    @Override
    public Future<List<UserEntry>> list(String realm, String after, int limit) {
        if (writer == null) {
            return Future.failedFuture(new UnsupportedOperationException("cannot list users: " + READ_ONLY));
        }
        return own(w -> w.list(realm, after, limit));
    }

    private Future<WriteResult> write(Function<OwnTableAdmin, Future<WriteResult>> change) {
        return writer == null ? Future.succeededFuture(new WriteResult.ReadOnly(READ_ONLY)) : own(change);
    }

    private <T> Future<T> own(Function<OwnTableAdmin, Future<T>> call) {
        return prepare().compose(ready -> guard.call(() -> call.apply(writer)));
    }

    private Future<RowSet<Row>> run(Query query) {
        return prepare().compose(ready -> guard.call(() -> client.preparedQuery(query.sql()).execute(query.params())));
    }

    /** Skipped while the previous tick still runs, so that ticks never pile up on a slow database. */
    private void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        Future<Void> check = prepared ? guard.call(() -> client.query("SELECT 1").execute().mapEmpty()) : prepare();
        check.onComplete((done, failure) -> ticking.set(false));
    }

    private void report(Level level, String problem) {
        if (!problem.equals(lastProblem)) {
            lastProblem = problem;
            LOG.atLevel(level).log("credential store not ready: {}", problem);
        }
    }
}
