package io.authd.auth;

/** Who was authenticated; present only on allow. One record per scheme. */
public sealed interface Identity permits DigestIdentity, BearerIdentity, BasicIdentity {
    /** The authentication scheme as written on the wire, e.g. {@code Digest}. */
    String scheme();

    /** The authenticated user or subject, forwarded upstream as {@code X-Authd-User}. */
    String user();

    String realm();
}
