package io.authd.bench.jmh;

import io.authd.digest.DigestAlgorithm;
import io.authd.digest.DigestHasher;
import io.authd.digest.DigestInput;
import io.authd.digest.Qop;
import io.authd.nonce.NonceService;

/**
 * The client side of RFC 7616 §3.4 with qop=auth, as curl or a SIP phone answers a challenge: computed in the
 * benchmarks' set-up, never in the measured code.
 */
record DigestClient(String user, String password, String realm, String method, String uri, String cnonce) {

    /** The Authorization value answering {@code nonce} with nonce-count {@code nc}. */
    String authorization(DigestAlgorithm algorithm, String nonce, long nc) {
        DigestHasher hasher = DigestHasher.current();
        String ha1 = hasher.ha1(algorithm.hash(), user, realm, password);
        String ncHex = nc(nc);
        String response = hasher.response(new DigestInput(algorithm, method, uri, nonce, ncHex, cnonce, Qop.AUTH,
                null), ha1);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", uri=\"" + uri + "\", algorithm="
                + algorithm.token() + ", nonce=\"" + nonce + "\", nc=" + ncHex + ", cnonce=\"" + cnonce
                + "\", qop=auth, response=\"" + response + "\", opaque=\"" + NonceService.opaqueFor(nonce) + "\"";
    }

    /** RFC 7616 §3.4: nc-value = 8LHEX. */
    static String nc(long nc) {
        return String.format("%08x", nc);
    }
}
