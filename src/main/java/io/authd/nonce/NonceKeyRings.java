package io.authd.nonce;

import io.authd.config.Mode;
import io.authd.config.NonceOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;

/** Loads the key ring the configuration names, at start-up. */
public final class NonceKeyRings {
    private static final Logger LOG = LoggerFactory.getLogger(NonceKeyRings.class);

    private NonceKeyRings() {
    }

    /**
     * The configured ring; in demo mode without one, a generated key, said loudly, since nonces then neither
     * survive a restart nor verify on another replica. Production mode refuses to start without a ring.
     *
     * @throws IllegalStateException with a message for the operator when the ring is missing or unreadable
     */
    public static NonceKeyRing load(NonceOptions options, Mode mode) {
        String text = text(options);
        if (text == null) {
            if (mode == Mode.PRODUCTION) {
                throw new IllegalStateException("nonce: production mode needs nonce.keyFile or nonce.keys "
                        + "(env AUTHD_NONCE_KEYS); generate one with `authd keygen`");
            }
            LOG.warn("DEMO MODE: no nonce key configured, generated a throwaway key. Nonces will not verify "
                    + "after a restart or on another replica. Set nonce.keyFile or AUTHD_NONCE_KEYS in production.");
            return NonceKeyRing.generate();
        }
        return switch (NonceKeyRing.parse(text)) {
            case KeyRingParse.Parsed p -> p.ring();
            case KeyRingParse.Invalid i -> throw new IllegalStateException(source(options) + ": " + i.reason());
        };
    }

    private static String text(NonceOptions options) {
        if (options.keys() != null && !options.keys().isBlank()) {
            return options.keys();
        }
        if (options.keyFile() == null) {
            return null;
        }
        try {
            return Files.readString(options.keyFile());
        } catch (IOException e) {
            throw new IllegalStateException("nonce.keyFile: cannot read " + options.keyFile() + ": " + e.getMessage(), e);
        }
    }

    private static String source(NonceOptions options) {
        return options.keys() != null && !options.keys().isBlank() ? "nonce.keys" : "nonce.keyFile " + options.keyFile();
    }
}
