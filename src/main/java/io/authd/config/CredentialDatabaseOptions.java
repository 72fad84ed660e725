package io.authd.config;

import java.time.Duration;

/**
 * The PostgreSQL that holds users when {@code credentials.store} is {@code postgres}.
 *
 * @param uri           {@code postgresql://user[:password]@host:port/database}; put a password in it through the
 *                      environment ({@code AUTHD_CREDENTIALS_POSTGRES_URI}), not the file
 * @param schema        schema of authd's own tables ({@code credentials}, {@code schema_version})
 * @param migrate       apply pending schema migrations at start-up; off, run {@code authd migrate} before
 *                      rolling out (for database roles that may not change the schema)
 * @param poolSize      connections for lookups and admin writes (the pipelined client spreads calls over them)
 * @param timeout       how long one lookup may take before the verification answers {@code unavailable}
 * @param lookup        queries for reading an existing user table (Kamailio, OpenSIPS) instead of authd's own
 * @param notifyChannel the LISTEN/NOTIFY channel on which changed users are announced, so that every replica
 *                      drops its cached copy at once; empty turns listening off (the cache ttl then bounds
 *                      how long a change takes to be seen)
 * @param resilience    circuit breaker and bulkhead around every database call
 */
public record CredentialDatabaseOptions(String uri, String schema, boolean migrate, int poolSize, Duration timeout,
                                        LookupOptions lookup, String notifyChannel, ResilienceOptions resilience) {

    public static final int MAX_POOL_SIZE = 100;

    public static final CredentialDatabaseOptions DEFAULTS = new CredentialDatabaseOptions(
            "postgresql://postgres@127.0.0.1:5432/postgres", "authd", true, 4, Duration.ofMillis(250),
            LookupOptions.DEFAULTS, "authd_credentials", ResilienceOptions.DEFAULTS);

    public CredentialDatabaseOptions {
        Problems problems = new Problems();
        if (problems.present(uri, "uri")) {
            problems.check(PostgresOptions.isPostgresUri(uri), "uri", "must start with postgresql://");
        }
        if (problems.present(schema, "schema")) {
            problems.check(PostgresOptions.isIdentifier(schema), "schema",
                    "must be a plain SQL identifier (lowercase letters, digits, _), got '" + schema + "'");
        }
        problems.check(poolSize >= 1 && poolSize <= MAX_POOL_SIZE, "poolSize",
                "must be 1.." + MAX_POOL_SIZE + ", got " + poolSize);
        if (problems.present(timeout, "timeout")) {
            problems.check(PostgresOptions.isStatementTimeout(timeout), "timeout",
                    "must be 1ms.." + PostgresOptions.MAX_TIMEOUT.toSeconds() + "s, got '" + timeout + "'");
        }
        problems.present(lookup, "lookup");
        if (problems.present(notifyChannel, "notifyChannel")) {
            problems.check(notifyChannel.isEmpty() || PostgresOptions.isIdentifier(notifyChannel), "notifyChannel",
                    "must be empty (off) or a plain SQL identifier (lowercase letters, digits, _), got '"
                            + notifyChannel + "'");
        }
        problems.present(resilience, "resilience");
        problems.throwIfAny();
    }

    /** True when users are read with custom queries from a table authd does not own (and cannot write). */
    public boolean customLookup() {
        return lookup.byUsername() != null;
    }
}
