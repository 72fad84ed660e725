package io.authd.credentials;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.authd.config.CacheOptions;
import io.authd.digest.DigestHasher;
import io.authd.digest.HashFunction;
import io.authd.resilience.Calls;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A cache of lookups in front of a database {@link CredentialStore}, so that a verification costs a query only
 * now and then, and so that cached users keep being verified through a short database outage.
 *
 * <ul>
 *   <li>A user found is <em>fresh</em> for {@code ttl}: answered without asking the store. Older, it is read
 *       again; if that read fails, the old entry answers while it is younger than {@code maxStaleness}
 *       (counted as stale served), and past that the failure goes to the caller, which answers
 *       {@code unavailable}.</li>
 *   <li>"No such user" is remembered for {@code negativeTtl}, so guessed names do not each cost a query; it
 *       is never served stale: an outage must not hide a user added meanwhile for longer than that.</li>
 *   <li>Concurrent lookups of one key share one read. A failed read is never cached.</li>
 *   <li>{@link #invalidate} drops the user's entries (by username and by each userhash); a read that was
 *       already running then still answers its callers but is not cached, since it may have read the row
 *       before the change.</li>
 * </ul>
 *
 * <p>The delegate must always complete its futures (a {@code CallGuard} gives it a time limit): a read that
 * never ends would keep every later lookup of its key waiting.
 */
public final class CachingCredentialStore implements CredentialStore, CredentialInvalidation {
    private static final Future<Optional<UserCredentials>> ABSENT = Future.succeededFuture(Optional.empty());

    private final CredentialStore delegate;
    private final InstantSource clock;
    private final long ttlMillis;
    private final long maxStalenessMillis;
    private final Cache<LookupKey, Entry> cache;
    private final ConcurrentMap<LookupKey, Future<Entry>> reading = new ConcurrentHashMap<>();
    /** Bumped by every invalidation: a read begun under an older value may predate the change. */
    private final AtomicLong invalidations = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder staleServed = new LongAdder();
    private final LongAdder loadFailures = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    private CachingCredentialStore(CredentialStore delegate, CacheOptions options, InstantSource clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttlMillis = options.ttl().toMillis();
        this.maxStalenessMillis = options.maxStaleness().toMillis();
        this.cache = Caffeine.newBuilder()
                .maximumSize(options.maxEntries())
                // A user is kept past its ttl, as the fallback for an outage, until maxStaleness.
                .expireAfter(Expiry.writing((LookupKey key, Entry entry) ->
                        entry.found() ? options.maxStaleness() : options.negativeTtl()))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                // Maintenance (eviction, expiry) is short bounded work: done by the caller, it needs no pool
                // thread, and tests see its effects at once.
                .executor(Runnable::run)
                .evictionListener((LookupKey key, Entry entry, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        evictions.increment();
                    }
                })
                .build();
    }

    /** {@code delegate} behind a cache, or {@code delegate} itself when the cache is off ({@code maxEntries} 0). */
    public static CredentialStore wrap(CredentialStore delegate, CacheOptions options, InstantSource clock) {
        return options.enabled() ? create(delegate, options, clock) : delegate;
    }

    /** {@code delegate} behind a cache; for a cache that may be off, use {@link #wrap}. */
    public static CachingCredentialStore create(CredentialStore delegate, CacheOptions options, InstantSource clock) {
        if (!options.enabled()) {
            throw new IllegalArgumentException("the cache is off (maxEntries 0): use wrap, which returns the store");
        }
        return new CachingCredentialStore(delegate, options, clock);
    }

    /**
     * Not cached: a revoked key must be refused at once on every replica, and with the shared database each
     * check reads the current row, so no invalidation has to reach the other replicas.
     */
    @Override
    public Future<Optional<ApiKey>> findApiKey(String realm, String id) {
        return Calls.start(() -> delegate.findApiKey(realm, id));
    }

    @Override
    public Future<Optional<UserCredentials>> findByUsername(String realm, String username) {
        return lookup(new LookupKey.ByUsername(realm, username));
    }

    @Override
    public Future<Optional<UserCredentials>> findByUserhash(String realm, HashFunction hash, String userhash) {
        return lookup(new LookupKey.ByUserhash(realm, hash, userhash));
    }

    @Override
    public boolean ready() {
        return delegate.ready();
    }

    /**
     * Drops the user's entry and the entries of its userhashes, one per hash function: the userhash is
     * H(username ":" realm) (RFC 7616 §3.4.4), so they can be computed without knowing which were cached.
     */
    @Override
    public void invalidate(String realm, String username) {
        invalidations.incrementAndGet();
        forget(new LookupKey.ByUsername(realm, username));
        DigestHasher hasher = DigestHasher.current();
        for (HashFunction hash : HashFunction.values()) {
            forget(new LookupKey.ByUserhash(realm, hash, hasher.userhash(hash, username, realm)));
        }
    }

    @Override
    public void invalidateAll() {
        invalidations.incrementAndGet();
        reading.clear();
        cache.invalidateAll();
    }

    public CredentialCacheStats stats() {
        return new CredentialCacheStats(hits.sum(), misses.sum(), staleServed.sum(), loadFailures.sum(),
                evictions.sum(), cache.estimatedSize());
    }

    /** The hot path: a fresh hit allocates nothing but the caller's key (the answer future is cached too). */
    private Future<Optional<UserCredentials>> lookup(LookupKey key) {
        Entry entry = cache.getIfPresent(key);
        if (entry != null && isFresh(entry)) {
            hits.increment();
            return entry.answer();
        }
        misses.increment();
        return read(key).transform(done ->
                done.succeeded() ? done.result().answer() : staleOrFailure(key, done.cause()));
    }

    /** Caffeine holds "no such user" only for negativeTtl, so a negative entry it returns is fresh. */
    private boolean isFresh(Entry entry) {
        return !entry.found() || ageMillis(entry) < ttlMillis;
    }

    /** The read running for {@code key}, or a new one: concurrent misses of a key cost the store one call. */
    private Future<Entry> read(LookupKey key) {
        Promise<Entry> promise = Promise.promise();
        Future<Entry> mine = promise.future();
        Future<Entry> running = reading.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        long generation = invalidations.get();
        // Calls.start: a delegate that threw would otherwise leave its read registered, and the key's lookups waiting.
        Calls.start(() -> key.askOf(delegate)).onComplete((user, failure) -> {
            if (failure != null) {
                loadFailures.increment();
                reading.remove(key, mine);
                promise.fail(failure);
                return;
            }
            Entry entry = Entry.of(user, clock.millis());
            // Cached before it stops being the running read, so no lookup in between reads again.
            cacheUnlessInvalidated(key, entry, generation);
            reading.remove(key, mine);
            promise.complete(entry);
        });
        return mine;
    }

    /**
     * Checked again after the put: an invalidation bumps the counter before it removes entries, so one that
     * came between the check and the put either removes this entry itself or is seen here.
     */
    private void cacheUnlessInvalidated(LookupKey key, Entry entry, long generation) {
        if (invalidations.get() != generation) {
            return;
        }
        cache.put(key, entry);
        if (invalidations.get() != generation) {
            cache.asMap().remove(key, entry);
        }
    }

    /**
     * After a failed read, what the cache still holds for the key answers if it is a user younger than
     * maxStaleness (checked here, not left to Caffeine's expiry, since this is the rule that bounds how long
     * an outage may serve old credentials). An invalidated entry is gone, so it is never served.
     */
    private Future<Optional<UserCredentials>> staleOrFailure(LookupKey key, Throwable failure) {
        Entry stale = cache.policy().getIfPresentQuietly(key);
        if (stale == null || !stale.found() || ageMillis(stale) >= maxStalenessMillis) {
            return Future.failedFuture(failure);
        }
        staleServed.increment();
        return stale.answer();
    }

    /** Removes the entry and the running read, so a lookup after the invalidation reads anew. */
    private void forget(LookupKey key) {
        reading.remove(key);
        cache.invalidate(key);
    }

    private long ageMillis(Entry entry) {
        return clock.millis() - entry.readAtMillis();
    }

    /** An answer of the store and when it came; the answer is kept as a completed future to hand out as is. */
    private record Entry(Future<Optional<UserCredentials>> answer, boolean found, long readAtMillis) {
        static Entry of(Optional<UserCredentials> user, long readAtMillis) {
            return user.isPresent()
                    ? new Entry(Future.succeededFuture(user), true, readAtMillis)
                    : new Entry(ABSENT, false, readAtMillis);
        }
    }
}
