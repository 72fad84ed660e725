package io.authd.digest;

/**
 * The values a Digest response covers (RFC 7616 §3.4.1). {@code qop} null means an RFC 2069 answer
 * without qop, where {@code nc} and {@code cnonce} are unused (and may be null unless the algorithm is
 * a -sess one, which needs {@code cnonce}).
 *
 * @param method   the request method; empty for the {@code rspauth} of Authentication-Info (RFC 7616 §3.5)
 * @param body     the message body for {@code auth-int}; null hashes as empty
 * @param bodyHash for {@code auth-int}, H(entity-body) as lowercase hex when the caller has only the hash;
 *                 takes precedence over {@code body}
 */
public record DigestInput(DigestAlgorithm algorithm, String method, String uri, String nonce, String nc,
                          String cnonce, Qop qop, byte[] body, String bodyHash) {

    /** Input without a precomputed body hash. */
    public DigestInput(DigestAlgorithm algorithm, String method, String uri, String nonce, String nc,
                       String cnonce, Qop qop, byte[] body) {
        this(algorithm, method, uri, nonce, nc, cnonce, qop, body, null);
    }
}
