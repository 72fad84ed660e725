package io.authd.credentials.postgres;

import io.authd.credentials.UserCredentials;
import io.authd.digest.DigestHasher;
import io.authd.digest.HashFunction;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a lookup query returned into a user, trusting nothing in it: with custom lookups the rows come from
 * a table that other tools write. Whatever is malformed is left out and logged once (naming the realm and the
 * column, never a value or a username, which may be anything). Bad data can make a user unable to log in; it can
 * never give a user a credential other than the one stored.
 */
final class UserRows {
    private static final Logger LOG = LoggerFactory.getLogger(UserRows.class);

    private final WarnOnce warnings = new WarnOnce(LOG);

    /**
     * The user {@code username}, from the one row of {@code rows}. A returned {@code username} must be exactly
     * the one asked for: a query that matches names case-insensitively must not turn "ALICE" into alice.
     */
    Optional<UserCredentials> byUsername(List<Row> rows, String realm, String username) {
        return single(rows, realm).flatMap(row -> {
            Optional<String> returned = text(row, Columns.USERNAME, realm);
            if (returned.isPresent() && !returned.get().equals(username)) {
                warnings.warn("other-name:" + realm, "credential lookup in realm {} returned a user of another name"
                        + " than the one asked for (a case-insensitive match?); treated as no user: usernames compare"
                        + " exactly", realm);
                return Optional.empty();
            }
            return Optional.of(user(row, realm, username));
        });
    }

    /** The user of the one row of {@code rows}, named by its {@code username} column. */
    Optional<UserCredentials> byUserhash(List<Row> rows, String realm) {
        return single(rows, realm).flatMap(row -> text(row, Columns.USERNAME, realm).map(name -> user(row, realm, name)));
    }

    /**
     * More than one row means the query does not identify a user: a configuration mistake, which must never let
     * one of several candidates in, so it finds no one.
     */
    private Optional<Row> single(List<Row> rows, String realm) {
        if (rows.size() > 1) {
            warnings.warn("rows:" + realm, "credential lookup in realm {} returned {} rows; treated as no user: the"
                    + " lookup query must return at most one row per user", realm, rows.size());
            return Optional.empty();
        }
        return rows.size() == 1 ? Optional.of(rows.getFirst()) : Optional.empty();
    }

    static List<Row> list(RowSet<Row> rows) {
        List<Row> list = new ArrayList<>(rows.size());
        rows.forEach(list::add);
        return list;
    }

    /** The rows of a lookup of several users, by the {@code username} each holds (rows without one are left out). */
    static Map<String, List<Row>> byName(RowSet<Row> rows) {
        Map<String, List<Row>> byName = HashMap.newHashMap(rows.size());
        for (Row row : rows) {
            if (row.getValue(Columns.USERNAME) instanceof String name) {
                byName.computeIfAbsent(name, n -> new ArrayList<>(1)).add(row);
            }
        }
        return byName;
    }

    /**
     * A plaintext password gives every HA1, as Kamailio's {@code calculate_ha1} does; it wins over stored HA1
     * columns, which may be stale copies of it. The username is the one the client hashed (RFC 7616 §3.4.2).
     */
    private UserCredentials user(Row row, String realm, String username) {
        Map<HashFunction, String> ha1 = text(row, Columns.PASSWORD, realm)
                .map(password -> fromPassword(realm, username, password))
                .orElseGet(() -> storedHa1s(row, realm));
        return new UserCredentials(realm, username, ha1, enabled(row, realm));
    }

    private static Map<HashFunction, String> fromPassword(String realm, String username, String password) {
        DigestHasher hasher = DigestHasher.current();
        Map<HashFunction, String> ha1 = new EnumMap<>(HashFunction.class);
        for (HashFunction hash : HashFunction.values()) {
            ha1.put(hash, hasher.ha1(hash, username, realm, password));
        }
        return ha1;
    }

    private Map<HashFunction, String> storedHa1s(Row row, String realm) {
        Map<HashFunction, String> ha1 = new EnumMap<>(HashFunction.class);
        for (HashFunction hash : HashFunction.values()) {
            String column = Columns.ha1(hash);
            text(row, column, realm).flatMap(value -> lowerHex(hash, value, column, realm))
                    .ifPresent(value -> ha1.put(hash, value));
        }
        return ha1;
    }

    /**
     * Other tools may write uppercase hex, or pad a CHAR column with blanks: both are the same HA1. Anything else
     * (wrong length, not hex) is not an HA1 of {@code hash} and is ignored.
     */
    private Optional<String> lowerHex(HashFunction hash, String value, String column, String realm) {
        String hex = value.strip();
        if (hex.length() == hash.hexLength() && hex.chars().allMatch(UserRows::isHexDigit)) {
            return Optional.of(hex.toLowerCase(Locale.ROOT));
        }
        warnings.warn("ha1:" + column + ":" + realm, "credential lookup in realm {}: column {} holds a value that is"
                + " not {} hex digits; ignored, so that user cannot answer with {}", realm, column, hash.hexLength(),
                hash.token());
        return Optional.empty();
    }

    /** Absent means enabled (the column is optional); NULL or a non-boolean fails closed. */
    private boolean enabled(Row row, String realm) {
        if (row.getColumnIndex(Columns.ENABLED) < 0) {
            return true;
        }
        if (row.getValue(Columns.ENABLED) instanceof Boolean enabled) {
            return enabled;
        }
        warnings.warn("enabled:" + realm, "credential lookup in realm {}: column enabled is NULL or not a boolean;"
                + " that user is treated as disabled", realm);
        return false;
    }

    /** The text of {@code column}; empty when the row lacks it, or it is NULL or empty (as absent). */
    private Optional<String> text(Row row, String column, String realm) {
        if (row.getColumnIndex(column) < 0) {
            return Optional.empty();
        }
        Object value = row.getValue(column);
        if (value == null || value instanceof String s && s.isEmpty()) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        warnings.warn("type:" + column + ":" + realm, "credential lookup in realm {}: column {} is not text; ignored",
                realm, column);
        return Optional.empty();
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
