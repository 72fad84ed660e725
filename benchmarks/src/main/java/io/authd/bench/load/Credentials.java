package io.authd.bench.load;

/**
 * What changes per request in a Digest Authorization value (RFC 7616 §3.4): everything after the user's fixed
 * prefix ({@link Users#authorizationPrefix}). Arrays of lowercase hex or nonce characters, none needing escapes.
 *
 * @param opaque null when the challenge had none
 */
record Credentials(byte[] nonce, byte[] nc, byte[] cnonce, byte[] response, byte[] opaque) {
}
