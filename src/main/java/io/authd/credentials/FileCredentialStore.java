package io.authd.credentials;

import io.authd.digest.HashFunction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A {@link CredentialStore} over the credentials file, reloaded when the file changes.
 *
 * <p>Lookups read a {@code volatile} {@link CredentialSnapshot} and answer with an already-completed future:
 * no I/O, no lock, no hop between threads. Reloading is polling: every interval a worker thread (never an
 * event loop) compares the file's {@link FileStamp} with the last one seen and, when it differs, parses the
 * file and swaps the snapshot. A broken file keeps the last good snapshot in service, logged once at WARN;
 * messages name places in the file and never HA1 values.
 *
 * <p>Admin writes go through {@link CredentialFile#edit} (its lock and atomic replace) on a worker thread, and
 * the written users are served at once, so the next lookup on this replica sees the change (read-your-write);
 * other replicas reading the same file see it at their next check.
 */
public final class FileCredentialStore implements CredentialStore, CredentialAdmin, ApiKeyAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(FileCredentialStore.class);
    private static final long NO_TIMER = -1;

    private final Path path;
    private final AtomicBoolean polling = new AtomicBoolean();
    // One check or admin write at a time, without blocking start() or stop(): a check that read the file just
    // before a write must not swap its older users in after the write's.
    private final Object checking = new Object();
    private volatile CredentialSnapshot snapshot;
    private volatile Vertx vertx;
    private long timer = NO_TIMER; // guarded by this
    private FileStamp lastSeen; // guarded by checking; the stamp of the last content parsed, good or bad
    private String lastProblem; // guarded by checking; to log a broken file once, not at every poll

    private FileCredentialStore(Path path, LoadResult.Loaded loaded) {
        this.path = path;
        this.snapshot = loaded.snapshot();
        this.lastSeen = loaded.stamp();
    }

    /**
     * Loads {@code path} now, blocking: call it at start-up, before the event loops serve.
     *
     * @throws IllegalStateException with the load message if the file is missing or broken: the server must not
     *                               start without its users, and start-up is the one place where failing loudly
     *                               is the right answer to a bad file
     */
    public static FileCredentialStore open(Path path) {
        return switch (CredentialFile.load(path)) {
            case LoadResult.Failed failed -> throw new IllegalStateException(failed.message());
            case LoadResult.Loaded loaded -> {
                logLoaded("loaded", path, loaded.snapshot());
                yield new FileCredentialStore(path, loaded);
            }
        };
    }

    /** Starts checking the file every {@code interval} (at least a millisecond: Vert.x timers count in those). */
    public synchronized void start(Vertx vertx, Duration interval) {
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("reload interval must be at least 1ms, got " + interval);
        }
        if (timer != NO_TIMER) {
            throw new IllegalStateException("already started");
        }
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        timer = vertx.setPeriodic(interval.toMillis(), id -> poll());
    }

    /** Stops the periodic check; lookups go on answering from the last snapshot. */
    public synchronized void stop() {
        if (timer != NO_TIMER) {
            vertx.cancelTimer(timer);
            timer = NO_TIMER;
        }
    }

    /** Checks the file now, on a worker thread; fails only if {@link #start} was never called. */
    public Future<ReloadResult> reloadNow() {
        Vertx v = vertx;
        if (v == null) {
            return Future.failedFuture(new IllegalStateException("reloadNow() needs start(vertx, interval) first"));
        }
        return v.executeBlocking(this::check, false);
    }

    @Override
    public Future<Optional<UserCredentials>> findByUsername(String realm, String username) {
        return Future.succeededFuture(snapshot.find(realm, username));
    }

    @Override
    public Future<Optional<UserCredentials>> findByUserhash(String realm, HashFunction hash, String userhash) {
        return Future.succeededFuture(snapshot.findByUserhash(realm, hash, userhash));
    }

    @Override
    public Future<Optional<ApiKey>> findApiKey(String realm, String id) {
        return Future.succeededFuture(snapshot.findApiKey(realm, id));
    }

    @Override
    public Future<Void> createApiKey(ApiKey key) {
        return edit(current -> CredentialEditor.addApiKey(current, key)).mapEmpty();
    }

    @Override
    public Future<List<ApiKey>> listApiKeys(String realm) {
        return Future.succeededFuture(snapshot.apiKeys().stream().filter(k -> k.realm().equals(realm)).toList());
    }

    @Override
    public Future<Boolean> revokeApiKey(String realm, String id) {
        return edit(current -> CredentialEditor.revokeApiKey(current, realm, id)).map(RemoveResult::existed);
    }

    @Override
    public Future<WriteResult> create(UserCredentials user) {
        return write(current -> CredentialEditor.create(current, user));
    }

    @Override
    public Future<WriteResult> update(String realm, String username, UserChange change) {
        return write(current -> CredentialEditor.update(current, realm, username, change));
    }

    @Override
    public Future<WriteResult> delete(String realm, String username) {
        return write(current -> CredentialEditor.delete(current, realm, username));
    }

    @Override
    public Future<Optional<UserEntry>> get(String realm, String username) {
        return Future.succeededFuture(snapshot.find(realm, username).map(UserEntry::of));
    }

    @Override
    public Future<List<UserEntry>> list(String realm, String after, int limit) {
        return Future.succeededFuture(snapshot.page(realm, after, limit).stream().map(UserEntry::of).toList());
    }

    /** Always true: {@link #open} builds a store only from a loaded file. */
    @Override
    public boolean ready() {
        return true;
    }

    private Future<WriteResult> write(Function<CredentialSnapshot, AdminEdit> edit) {
        return edit(edit).map(AdminEdit::result);
    }

    /** Edits the file on a worker thread; fails when it cannot be read or written, or before {@link #start}. */
    private <T extends CredentialChange> Future<T> edit(Function<CredentialSnapshot, T> edit) {
        Vertx v = vertx;
        if (v == null) {
            return Future.failedFuture(new IllegalStateException("admin writes need start(vertx, interval) first"));
        }
        return v.executeBlocking(() -> editNow(edit), false).compose(result -> switch (result) {
            case EditResult.Edited<T> edited -> Future.succeededFuture(edited.change());
            case EditResult.Failed<T> failed -> Future.failedFuture(new IOException(failed.message()));
        });
    }

    /**
     * Blocking. The written users are swapped in without touching {@code lastSeen}: the next check then reads
     * the file once more, which also picks up anything another process wrote after this edit released the lock.
     */
    private <T extends CredentialChange> EditResult<T> editNow(Function<CredentialSnapshot, T> edit) {
        synchronized (checking) {
            EditResult<T> result = CredentialFile.edit(path, edit);
            if (result instanceof EditResult.Edited<T> edited) {
                edited.change().toWrite().ifPresent(written -> snapshot = written);
            }
            return result;
        }
    }

    /** A tick of the timer; skipped while the previous check still runs, so slow disks do not pile up work. */
    private void poll() {
        if (polling.compareAndSet(false, true)) {
            reloadNow().onComplete(done -> polling.set(false));
        }
    }

    /** Blocking: reads the stamp, and parses the file only if it changed. */
    private ReloadResult check() {
        synchronized (checking) {
            Optional<FileStamp> stamp = currentStamp();
            if (stamp.isPresent() && stamp.get().equals(lastSeen)) {
                return new ReloadResult.Unchanged();
            }
            return switch (CredentialFile.load(path)) {
                case LoadResult.Loaded loaded -> accept(loaded);
                case LoadResult.Failed failed -> reject(failed.message(), stamp.orElse(null));
            };
        }
    }

    /** Empty when the file cannot be read; {@link CredentialFile#load} then says why. */
    private Optional<FileStamp> currentStamp() {
        try {
            return Optional.of(CredentialFile.stamp(path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private ReloadResult accept(LoadResult.Loaded loaded) {
        snapshot = loaded.snapshot();
        lastSeen = loaded.stamp();
        lastProblem = null;
        logLoaded("reloaded", path, loaded.snapshot());
        return new ReloadResult.Reloaded(loaded.snapshot().realms().size(), loaded.snapshot().userCount());
    }

    private ReloadResult reject(String problem, FileStamp stamp) {
        lastSeen = stamp;
        if (!problem.equals(lastProblem)) {
            LOG.warn("credentials file rejected, still serving the previous {} users: {}", snapshot.userCount(), problem);
            lastProblem = problem;
        }
        return new ReloadResult.Rejected(problem);
    }

    private static void logLoaded(String verb, Path path, CredentialSnapshot loaded) {
        LOG.info("{} credentials from {} (realms: {}, users: {})", verb, path, loaded.realms().size(), loaded.userCount());
    }
}
