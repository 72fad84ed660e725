package io.authd.metrics;

import io.authd.auth.Authenticator;
import io.authd.credentials.CachingCredentialStore;
import io.authd.credentials.CredentialCacheStats;
import io.authd.credentials.CredentialStore;
import io.authd.nonce.NonceService;
import io.authd.replay.GuardedReplayStore;
import io.authd.replay.MemoryReplayStore;
import io.authd.replay.PostgresReplayStore;
import io.authd.replay.RedisReplayStore;
import io.authd.replay.ReplayStore;
import io.authd.resilience.ResilientCallGuard;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetricsPublisher;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.ToDoubleFunction;

/**
 * Meters over counters the stores already keep: they are read when Prometheus scrapes (function counters and
 * gauges), so nothing is counted twice and the request path pays nothing for them. Circuit breakers and
 * bulkheads use resilience4j's own Micrometer binding ({@code resilience4j_circuitbreaker_*},
 * {@code resilience4j_bulkhead_*}, tagged with the guard's name).
 */
public final class StoreMetrics {
    private final MeterRegistry registry;

    public StoreMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code authd_nonces_total{event="minted"}}: every nonce minted, for challenges and {@code nextnonce}. */
    public void nonces(NonceService nonces) {
        FunctionCounter.builder(MeterNames.NONCES, nonces, NonceService::minted)
                .description("Nonces minted, and returned stale, replayed or invalid")
                .tag(MeterNames.EVENT, "minted").register(registry);
    }

    /** The credential cache's counters, when {@code lookups} is the cache (the PostgreSQL store with a cache). */
    public void credentials(CredentialStore lookups) {
        if (!(lookups instanceof CachingCredentialStore cache)) {
            return;
        }
        cacheGets(cache, "hit", CredentialCacheStats::hits);
        cacheGets(cache, "miss", CredentialCacheStats::misses);
        cacheGets(cache, "stale", CredentialCacheStats::staleServed);
        cacheCounter(MeterNames.CREDENTIAL_CACHE_LOAD_FAILURES, cache, CredentialCacheStats::loadFailures,
                "Reads of the credential store behind the cache that failed");
        cacheCounter(MeterNames.CREDENTIAL_CACHE_EVICTIONS, cache, CredentialCacheStats::evictions,
                "Cache entries dropped to stay within credentials.cache.maxEntries");
        Gauge.builder(MeterNames.CREDENTIAL_CACHE_SIZE, cache, c -> c.stats().size())
                .description("Entries in the credential cache").register(registry);
    }

    /** The replay store's own counters, and its guard's breaker and bulkhead when it is a shared store. */
    public void replay(ReplayStore store) {
        ReplayStore inner = store;
        if (store instanceof GuardedReplayStore guarded) {
            inner = guarded.store();
            if (guarded.guard() instanceof ResilientCallGuard guard) {
                guard(guard);
            }
        }
        switch (inner) {
            case RedisReplayStore redis -> replayErrors("redis", redis, RedisReplayStore::failures);
            case PostgresReplayStore postgres -> replayErrors("postgres", postgres, PostgresReplayStore::failures);
            case MemoryReplayStore memory -> {
                FunctionCounter.builder(MeterNames.REPLAY_STORE_EVICTIONS, memory, MemoryReplayStore::evictions)
                        .description("Nonces the memory replay store forgot to stay within replay.maxEntries")
                        .tag(MeterNames.STORE, "memory").register(registry);
                Gauge.builder(MeterNames.REPLAY_STORE_ENTRIES, memory, MemoryReplayStore::size)
                        .description("Nonces the memory replay store holds").tag(MeterNames.STORE, "memory")
                        .register(registry);
            }
            default -> {
                // A store given by a test, or a future store that keeps no counters yet: nothing to read.
            }
        }
    }

    /** Circuit breaker state and calls, bulkhead permits: resilience4j's meters, tagged {@code name=<guard>}. */
    public void guard(ResilientCallGuard guard) {
        new TaggedCircuitBreakerMetricsPublisher(registry).publishMetrics(guard.circuitBreaker());
        new TaggedBulkheadMetricsPublisher(registry).publishMetrics(guard.bulkhead());
    }

    /** {@code authd_store_up{store=...}}: each store's readiness, as the readiness probe sees it. */
    public void readiness(Authenticator authenticator) {
        for (String store : authenticator.readiness().keySet()) {
            Gauge.builder(MeterNames.STORE_UP, authenticator, a -> Boolean.TRUE.equals(a.readiness().get(store)) ? 1 : 0)
                    .description("1 while the store takes calls, 0 while it does not (readiness)")
                    .tag(MeterNames.STORE, store).register(registry);
        }
    }

    private void cacheGets(CachingCredentialStore cache, String result, ToDoubleFunction<CredentialCacheStats> count) {
        FunctionCounter.builder(MeterNames.CREDENTIAL_CACHE_GETS, cache, c -> count.applyAsDouble(c.stats()))
                .description("Credential cache lookups: hit, miss, or stale (served past its ttl as the store failed)")
                .tag(MeterNames.RESULT, result).register(registry);
    }

    private void cacheCounter(String name, CachingCredentialStore cache, ToDoubleFunction<CredentialCacheStats> count,
                              String description) {
        FunctionCounter.builder(name, cache, c -> count.applyAsDouble(c.stats())).description(description)
                .register(registry);
    }

    private <T> void replayErrors(String store, T source, ToDoubleFunction<T> failures) {
        FunctionCounter.builder(MeterNames.REPLAY_STORE_ERRORS, source, failures)
                .description("Calls that reached the shared replay store and failed (errors, timeouts)")
                .tag(MeterNames.STORE, store).register(registry);
    }
}
