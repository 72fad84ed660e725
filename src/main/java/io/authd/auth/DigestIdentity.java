package io.authd.auth;

import io.authd.digest.DigestAlgorithm;
import io.authd.digest.Qop;

/** A user authenticated with Digest. {@code qop} is null for RFC 2069 answers without qop. */
public record DigestIdentity(String user, String realm, DigestAlgorithm algorithm, Qop qop) implements Identity {
    @Override
    public String scheme() {
        return "Digest";
    }
}
