package io.authd.config;

import java.time.Duration;

/**
 * The PostgreSQL that holds shared replay state when {@code replay.store} is {@code postgres}.
 *
 * @param uri           {@code postgresql://user[:password]@host:port/database}; put a password in it through the
 *                      environment ({@code AUTHD_REPLAY_POSTGRES_URI}), not the file
 * @param schema        schema of the replay table, created when missing
 * @param timeout       how long one check may take before the verification answers {@code unavailable}
 * @param purgeInterval how often rows of expired nonces are deleted
 */
public record PostgresOptions(String uri, String schema, Duration timeout, Duration purgeInterval) {

    /** A verification that waits longer than this on the replay store is broken, whatever the database does. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    /** After {@link #MAX_TIMEOUT}: static fields initialise in order, and the constructor reads it. */
    public static final PostgresOptions DEFAULTS = new PostgresOptions("postgresql://postgres@127.0.0.1:5432/postgres",
            "authd", Duration.ofMillis(250), Duration.ofSeconds(60));

    public PostgresOptions {
        Problems problems = new Problems();
        if (problems.present(uri, "uri")) {
            problems.check(isPostgresUri(uri), "uri", "must start with postgresql://");
        }
        if (problems.present(schema, "schema")) {
            problems.check(isIdentifier(schema), "schema",
                    "must be a plain SQL identifier (lowercase letters, digits, _), got '" + schema + "'");
        }
        if (problems.present(timeout, "timeout")) {
            problems.check(isStatementTimeout(timeout), "timeout",
                    "must be 1ms.." + MAX_TIMEOUT.toSeconds() + "s, got '" + timeout + "'");
        }
        if (problems.present(purgeInterval, "purgeInterval")) {
            problems.check(RedisOptions.atLeastOneMilli(purgeInterval), "purgeInterval",
                    "must be at least 1ms, got '" + purgeInterval + "'");
        }
        problems.throwIfAny();
    }

    static boolean isPostgresUri(String uri) {
        return uri.startsWith("postgresql://") || uri.startsWith("postgres://");
    }

    /** 1 ms..{@link #MAX_TIMEOUT}: the stores' timers count in milliseconds. */
    static boolean isStatementTimeout(Duration timeout) {
        return RedisOptions.atLeastOneMilli(timeout) && timeout.compareTo(MAX_TIMEOUT) <= 0;
    }

    /** Only plain identifiers: the name is put into SQL text (DDL, LISTEN), where it cannot be a bind parameter. */
    static boolean isIdentifier(String s) {
        if (s.isEmpty() || s.length() > 63 || !(Character.isLowerCase(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        return s.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    }
}
