package io.authd.bearer;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a JWK Set into keys ready to verify with, leaving out (and naming in the log) keys that cannot be used. */
final class TrustedKeys {
    private static final Logger LOG = LoggerFactory.getLogger(TrustedKeys.class);

    private TrustedKeys() {
    }

    static List<TrustedKey> prepare(JWKSet set) {
        List<TrustedKey> keys = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            Optional<TrustedKey> key = TrustedKey.of(jwk);
            if (key.isPresent()) {
                keys.add(key.get());
            } else {
                // Only the kid and type: an HMAC key is all secret.
                LOG.warn("ignoring key kid={} of type {}: it cannot verify any allowed algorithm (an HMAC secret "
                        + "needs at least 256 bits)", jwk.getKeyID(), jwk.getKeyType());
            }
        }
        return List.copyOf(keys);
    }
}
