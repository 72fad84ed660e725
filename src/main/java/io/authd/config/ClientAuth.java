package io.authd.config;

/** Whether the public port asks TLS callers for a client certificate (RFC 8446 §4.3.2 CertificateRequest). */
public enum ClientAuth {
    /** Not asked. */
    NONE,
    /** Asked; a caller without one is still served, one with a certificate the CA did not sign is refused. */
    REQUEST,
    /** Required: a caller without a certificate signed by {@code clientCaFile} cannot connect. */
    REQUIRE
}
