package io.authd.metrics;

/** The authentication scheme of the credentials a verification judged, as the {@code scheme} metric tag. */
public enum Scheme {
    /** No credentials authd could read: none sent, or a header that does not parse. */
    NONE("none"),
    DIGEST("digest"),
    /** A JWT or an API key (RFC 6750). */
    BEARER("bearer"),
    /** A user-id and password (RFC 7617), checked against the stored HA1. */
    BASIC("basic");

    private final String tag;

    Scheme(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
