package io.authd.digest;

import java.util.Optional;

/** Quality of protection values (RFC 7616 §3.3, RFC 3261 §25.1 "qop-value"). */
public enum Qop {
    AUTH("auth"),
    /** Integrity of the message body as well: HA2 also covers H(entity-body). */
    AUTH_INT("auth-int");

    /** Read on every verification: without the copy {@code values()} makes. */
    private static final Qop[] VALUES = values();

    private final String token;

    Qop(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** Case-insensitive lookup of a single qop token. */
    public static Optional<Qop> fromToken(String token) {
        return HttpChars.byToken(VALUES, Qop::token, token);
    }
}
