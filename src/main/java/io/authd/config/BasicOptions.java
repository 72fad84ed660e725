package io.authd.config;

/**
 * A realm's Basic credentials (RFC 7617), checked against the users' stored HA1s. A realm without this section
 * (or with {@code enabled: false}) offers no Basic challenge and treats Basic credentials as none. Basic is never
 * offered nor accepted in SIP (RFC 3261 §22.1).
 *
 * @param enabled    offer and accept Basic in this realm
 * @param requireTls only where the caller says the original request came over TLS ({@code secure} on the APIs,
 *                   {@code X-Forwarded-Proto: https} on forward-auth): Basic sends the password itself
 */
public record BasicOptions(Boolean enabled, Boolean requireTls) {

    public BasicOptions {
        // Boxed: a section without defaults of its own leaves absent keys null.
        enabled = Boolean.TRUE.equals(enabled);
        requireTls = requireTls == null || requireTls;
    }
}
