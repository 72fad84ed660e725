package io.authd.auth;

/** A user authenticated with Basic credentials (RFC 7617), checked against the user's stored HA1. */
public record BasicIdentity(String user, String realm) implements Identity {
    @Override
    public String scheme() {
        return "Basic";
    }
}
