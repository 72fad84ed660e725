package io.authd.bench.load;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * Writes a Digest Authorization value, {@code <prefix><nonce>", nc=.., cnonce="..", response=".."[, opaque=".."]},
 * straight into a request body, with its quotes written the way the body needs them: as they are (a protobuf
 * string) or escaped (inside a JSON string). The prefix is written as given: the caller escapes it once per user.
 */
final class AuthorizationValue {
    static final AuthorizationValue RAW = new AuthorizationValue("\"");
    static final AuthorizationValue IN_JSON_STRING = new AuthorizationValue("\\\"");

    private final byte[] nc;
    private final byte[] cnonce;
    private final byte[] response;
    private final byte[] opaque;
    private final byte[] quote;

    private AuthorizationValue(String quote) {
        this.nc = ascii(quote + ", nc=");
        this.cnonce = ascii(", cnonce=" + quote);
        this.response = ascii(quote + ", response=" + quote);
        this.opaque = ascii(", opaque=" + quote);
        this.quote = ascii(quote);
    }

    /** The number of bytes {@link #append} writes. */
    int length(byte[] prefix, Credentials c) {
        int n = prefix.length + c.nonce().length + nc.length + c.nc().length + cnonce.length + c.cnonce().length
                + response.length + c.response().length + quote.length;
        return c.opaque() == null ? n : n + opaque.length + c.opaque().length + quote.length;
    }

    Buffer append(Buffer b, byte[] prefix, Credentials c) {
        b.appendBytes(prefix).appendBytes(c.nonce())
                .appendBytes(nc).appendBytes(c.nc())
                .appendBytes(cnonce).appendBytes(c.cnonce())
                .appendBytes(response).appendBytes(c.response()).appendBytes(quote);
        if (c.opaque() != null) {
            b.appendBytes(opaque).appendBytes(c.opaque()).appendBytes(quote);
        }
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
