package io.authd.config;

/** Whether a digest {@code uri} must match the request target. */
public enum UriCheck {
    /** The digest uri must designate the request target (RFC 7616 §3.4.6). */
    STRICT,
    /** Not compared: for SIP realms behind proxies that rewrite the Request-URI. */
    OFF
}
