package io.authd.credentials;

/**
 * Counters of a {@link CachingCredentialStore} since it was made, for metrics.
 *
 * @param hits         lookups answered from a fresh entry (a user or "no such user") without asking the store
 * @param misses       lookups that waited for the store: nothing cached, a positive entry past its ttl, or a
 *                     read already running for the same key
 * @param staleServed  lookups answered from an entry past its ttl because reading it again failed
 * @param loadFailures reads from the store that failed (one per read, however many lookups waited for it)
 * @param evictions    entries dropped to stay within {@code maxEntries} (expiry is not counted: it is normal)
 * @param size         entries held now (approximate, as Caffeine counts them)
 */
public record CredentialCacheStats(long hits, long misses, long staleServed, long loadFailures, long evictions,
                                   long size) {
}
