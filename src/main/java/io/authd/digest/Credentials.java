package io.authd.digest;

import java.util.List;

/**
 * One credentials element of RFC 9110 §11.4: {@code auth-scheme [ 1*SP ( token68 / #auth-param ) ]}.
 *
 * @param scheme  the auth-scheme as sent; compare it with {@link #isScheme(String)}
 * @param token68 the token68 (e.g. a Bearer token or Basic user-pass), or null when params are used
 * @param params  the auth-params in the order sent, names lowercased and unique; empty for token68
 */
public record Credentials(String scheme, String token68, List<AuthParam> params) {

    public Credentials {
        params = List.copyOf(params);
    }

    /** Never shows the token68: it is a Bearer token or Basic password, and a record's toString ends up in logs. */
    @Override
    public String toString() {
        return "Credentials[scheme=" + scheme + (token68 == null ? ", params=" + params : ", token68 hidden") + "]";
    }

    /** RFC 9110 §11.1: the auth-scheme is a case-insensitive token. */
    public boolean isScheme(String name) {
        return HttpChars.equalsIgnoreAsciiCase(scheme, name);
    }

    /** The parameter named {@code lowercaseName}, or null if absent. */
    public AuthParam param(String lowercaseName) {
        for (AuthParam p : params) {
            if (p.name().equals(lowercaseName)) {
                return p;
            }
        }
        return null;
    }
}
