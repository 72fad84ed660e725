package io.authd.digest;

/**
 * The directives of a Digest {@code Authorization} (RFC 7616 §3.4) or SIP {@code Authorization} /
 * {@code Proxy-Authorization} (RFC 3261 §22.4, RFC 8760) header, checked for form but not yet verified.
 *
 * @param username       the username; with {@code userhash} the hex userhash (RFC 7616 §3.4.4); decoded
 *                       from {@code username*} when that was sent (RFC 8187)
 * @param userhash       whether {@code username} is H(username ":" realm)
 * @param algorithm      the algorithm, MD5 when absent (RFC 7616 §3.4); null when the token is unknown,
 *                       which the caller answers as {@code unsupported_algorithm}
 * @param algorithmToken the algorithm token as sent, or {@code "MD5"} when absent
 * @param cnonce         the client nonce; null without qop
 * @param opaque         the opaque value echoed from the challenge, or null
 * @param qop            the quality of protection; null for an RFC 2069 style response without qop
 * @param nc             the nonce-count as sent (8 hex digits); null without qop
 * @param ncValue        {@code nc} as a number (1 to 0xFFFFFFFF); -1 without qop
 */
public record DigestCredentials(String username, boolean userhash, String realm, String nonce, String uri,
                                String response, DigestAlgorithm algorithm, String algorithmToken,
                                String cnonce, String opaque, Qop qop, String nc, long ncValue) {
}
