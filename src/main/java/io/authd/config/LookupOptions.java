package io.authd.config;

/**
 * Custom lookup queries, for reading a user table that another system owns (Kamailio's or OpenSIPS's
 * {@code subscriber}) without changing it. Both unset means authd's own table. A query returns at most one
 * row, with any of these columns (by name; alias them with {@code AS}): {@code ha1_md5}, {@code ha1_sha256},
 * {@code ha1_sha512_256} (hex HA1s), {@code password} (plaintext, from which every HA1 is computed, as
 * Kamailio's {@code calculate_ha1} does), {@code enabled} (boolean, default true) and, for
 * {@code byUserhash}, {@code username}. Empty strings count as absent.
 *
 * @param byUsername parameters {@code $1} realm, {@code $2} username
 * @param byUserhash parameters {@code $1} realm, {@code $2} userhash (lowercase hex), {@code $3} hash function
 *                   ({@code MD5}, {@code SHA-256} or {@code SHA-512-256}); unset with a custom
 *                   {@code byUsername}, userhash credentials (RFC 7616 §3.4.4) find no user
 */
public record LookupOptions(String byUsername, String byUserhash) {

    public static final LookupOptions DEFAULTS = new LookupOptions(null, null);

    public LookupOptions {
        Problems problems = new Problems();
        problems.check(byUsername == null || !byUsername.isBlank(), "byUsername", "must not be empty");
        problems.check(byUserhash == null || !byUserhash.isBlank(), "byUserhash", "must not be empty");
        problems.check(byUserhash == null || byUsername != null, "byUserhash",
                "needs byUsername too: authd's own table is read with its own queries");
        problems.check(byUsername == null || byUsername.contains("$2"), "byUsername",
                "must use $1 (realm) and $2 (username)");
        problems.check(byUserhash == null || byUserhash.contains("$2"), "byUserhash",
                "must use $1 (realm), $2 (userhash) and $3 (hash function)");
        problems.throwIfAny();
    }
}
