package io.authd.metrics;

/**
 * Every meter authd registers, in one place (README "Observability" lists them). Names are Micrometer's dotted
 * form; Prometheus sees them with dots as underscores, {@code _total} after counters and {@code _seconds} after
 * timers: {@link #DECISIONS} is scraped as {@code authd_decisions_total}, {@link #VERIFY_DURATION} as
 * {@code authd_verify_duration_seconds_bucket}, {@code _count} and {@code _sum}.
 *
 * <p>Tags are few and bounded by enums or configuration: never a user, a realm or a client address, whose
 * number an attacker would choose.
 */
public final class MeterNames {
    /** Counter: verification decisions. Tags {@link #API}, {@link #PROTOCOL}, {@link #SCHEME}, {@link #ALGORITHM},
     *  {@link #OUTCOME}, {@link #REASON}. */
    public static final String DECISIONS = "authd.decisions";
    /** Timer: a verification from request to decision, store calls included. Tags {@link #API},
     *  {@link #PROTOCOL}, {@link #OUTCOME}. */
    public static final String VERIFY_DURATION = "authd.verify.duration";
    /** Timer: minting a challenge (one nonce per offered algorithm). Tags {@link #API}, {@link #PROTOCOL}. */
    public static final String CHALLENGE_DURATION = "authd.challenge.duration";
    /** Counter: nonces by {@link #EVENT}: minted, and returned stale, replayed or invalid. */
    public static final String NONCES = "authd.nonces";

    /** Function counter: credential cache lookups by {@link #RESULT}: hit, miss, stale (served past its ttl). */
    public static final String CREDENTIAL_CACHE_GETS = "authd.credential.cache.gets";
    /** Function counter: reads of the credential store behind the cache that failed. */
    public static final String CREDENTIAL_CACHE_LOAD_FAILURES = "authd.credential.cache.load.failures";
    /** Function counter: cache entries dropped to stay within {@code credentials.cache.maxEntries}. */
    public static final String CREDENTIAL_CACHE_EVICTIONS = "authd.credential.cache.evictions";
    /** Gauge: entries in the credential cache. */
    public static final String CREDENTIAL_CACHE_SIZE = "authd.credential.cache.size";

    /** Function counter: calls that reached the shared replay store ({@link #STORE} redis or postgres) and failed. */
    public static final String REPLAY_STORE_ERRORS = "authd.replay.store.errors";
    /** Function counter: nonces the memory replay store forgot to stay within {@code replay.maxEntries}. */
    public static final String REPLAY_STORE_EVICTIONS = "authd.replay.store.evictions";
    /** Gauge: nonces the memory replay store holds. */
    public static final String REPLAY_STORE_ENTRIES = "authd.replay.store.entries";
    /** Gauge: 1 while the {@link #STORE} (credentials, replay) takes calls, 0 while it does not (readiness). */
    public static final String STORE_UP = "authd.store.up";

    /** Counter: failed verifications counted towards a lockout, by {@link #KEY} kind. */
    public static final String LOCKOUT_FAILURES = "authd.lockout.failures";
    /** Counter: lockouts that began, by {@link #KEY} kind (refused requests are {@link #DECISIONS} reason=locked_out). */
    public static final String LOCKOUTS = "authd.lockouts";
    /** Counter: lockout store calls that failed (the request went on without the lockout unless failClosed). */
    public static final String LOCKOUT_STORE_ERRORS = "authd.lockout.store.errors";

    public static final String API = "api";
    public static final String PROTOCOL = "protocol";
    public static final String SCHEME = "scheme";
    /** The Digest algorithm token ({@code SHA-256}), or {@code none} when there was none or one authd does not know. */
    public static final String ALGORITHM = "algorithm";
    public static final String OUTCOME = "outcome";
    public static final String REASON = "reason";
    public static final String EVENT = "event";
    public static final String RESULT = "result";
    public static final String STORE = "store";
    /** The kind of a lockout key: {@link #KEY_USER} (realm and claimed user) or {@link #KEY_ADDRESS}. */
    public static final String KEY = "key";
    public static final String KEY_USER = "user";
    public static final String KEY_ADDRESS = "address";

    /** The {@link #ALGORITHM} tag when there is no algorithm to name. */
    public static final String NO_ALGORITHM = "none";

    private MeterNames() {
    }
}
