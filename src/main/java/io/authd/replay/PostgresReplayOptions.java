package io.authd.replay;

import io.vertx.pgclient.PgConnectOptions;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where and how {@link PostgresReplayStore} keeps replay state.
 *
 * @param uri              {@code postgresql://user@host:port/database}
 * @param schema           the schema holding the table; a lowercase identifier, because it is written into the
 *                         SQL text (identifiers cannot be bound as parameters)
 * @param window           how many nonce-counts below the highest one are remembered, 1..64 (one bit each)
 * @param statementTimeout how long a request waits for the database before it is refused as unavailable;
 *                         also the connect and lock-wait timeouts
 * @param purgeInterval    how often rows of expired nonces are deleted
 */
public record PostgresReplayOptions(String uri, String schema, int window, Duration statementTimeout,
                                    Duration purgeInterval) {

    public static final String DEFAULT_SCHEMA = "public";
    /** Short: a request that waits longer on the replay store is better refused with 503 and retried. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMillis(250);
    public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofSeconds(60);
    /** The configuration's bound, so a value the configuration accepts is one this store accepts. */
    public static final Duration MAX_STATEMENT_TIMEOUT = io.authd.config.PostgresOptions.MAX_TIMEOUT;

    /** Unquoted identifiers fold to lowercase in PostgreSQL; 63 bytes is its NAMEDATALEN limit. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgresReplayOptions {
        require(uri != null && parses(uri), "uri",
                "must be a PostgreSQL URI such as postgresql://user@host:5432/database");
        require(schema != null && IDENTIFIER.matcher(schema).matches(), "schema",
                "must be a lowercase SQL identifier ([a-z_][a-z0-9_]*, at most 63 characters), got '" + schema + "'");
        require(window >= 1 && window <= SlidingWindow.MAX_SIZE, "window",
                "must be 1.." + SlidingWindow.MAX_SIZE + ", got " + window);
        require(statementTimeout != null && atLeastOneMilli(statementTimeout)
                && statementTimeout.compareTo(MAX_STATEMENT_TIMEOUT) <= 0, "statementTimeout",
                "must be 1 ms.." + MAX_STATEMENT_TIMEOUT.toSeconds() + " s, got " + statementTimeout);
        require(purgeInterval != null && atLeastOneMilli(purgeInterval), "purgeInterval",
                "must be at least 1 ms, got " + purgeInterval);
    }

    /** The defaults above, the full window, against {@code uri}. */
    public static PostgresReplayOptions defaults(String uri) {
        return new PostgresReplayOptions(uri, DEFAULT_SCHEMA, SlidingWindow.MAX_SIZE, DEFAULT_STATEMENT_TIMEOUT,
                DEFAULT_PURGE_INTERVAL);
    }

    /** The URI is not echoed in the message: it may carry a password. */
    private static boolean parses(String uri) {
        try {
            PgConnectOptions.fromUri(uri);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean atLeastOneMilli(Duration d) {
        return d.compareTo(Duration.ofMillis(1)) >= 0;
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new IllegalArgumentException("postgres replay store: " + field + " " + message);
        }
    }
}
