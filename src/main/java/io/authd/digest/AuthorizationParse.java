package io.authd.digest;

import java.util.List;

/**
 * The result of {@link AuthorizationParser#parse(String)}: bad input is a value, not an exception (as
 * Netty's {@code DecoderResult}), so callers answer {@code malformed_credentials} without a try block.
 */
public sealed interface AuthorizationParse permits AuthorizationParse.Parsed, AuthorizationParse.Malformed {

    /** The credentials found, in header order; empty when the header was absent or blank. */
    record Parsed(List<Credentials> credentials) implements AuthorizationParse {
        public Parsed {
            credentials = List.copyOf(credentials);
        }
    }

    /**
     * The header does not follow RFC 9110 §11.4 or exceeds a limit.
     *
     * @param reason a short phrase for operators; it may name a parameter but never quotes the input,
     *               which can hold secrets
     */
    record Malformed(String reason) implements AuthorizationParse {
    }
}
