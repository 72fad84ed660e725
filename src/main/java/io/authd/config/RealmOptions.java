package io.authd.config;

import io.authd.digest.DigestAlgorithm;
import io.authd.digest.Qop;

import java.time.Duration;
import java.util.List;

/**
 * One realm's policy. SKELETON: validation and defaults are added by the config work.
 *
 * @param algorithms        offered in this order, strongest first by default
 * @param qop               qop values offered; a client may answer with any of them
 * @param nonceLifetime     how long a nonce answers without {@code stale=true}
 * @param nextNonceAfter    share of the lifetime after which allow carries a {@code nextnonce} (0..1; 1 = never)
 * @param sipUriCheck       SIP only: whether the digest uri must match the Request-URI (proxies may rewrite it)
 * @param bindClientAddress nonces are bound to the client address they were minted for
 * @param allowNoQop        accept RFC 2069 answers without qop (no nonce-count, so no replay window)
 * @param userhash          offer {@code userhash=true} in HTTP challenges (RFC 7616 §3.4.4)
 */
public record RealmOptions(String name, List<DigestAlgorithm> algorithms, List<Qop> qop, Duration nonceLifetime,
                           double nextNonceAfter, UriCheck sipUriCheck, boolean bindClientAddress,
                           boolean allowNoQop, boolean userhash) {
}
