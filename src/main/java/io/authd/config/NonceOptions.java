package io.authd.config;

import java.nio.file.Path;

/**
 * Where the nonce key ring comes from. The ring's text format is parsed by the nonce package; here only
 * its source is chosen. Neither set means a throwaway key, which only {@link Mode#DEMO} accepts.
 *
 * @param keyFile a file holding the key ring (e.g. a mounted Kubernetes secret)
 * @param keys    the key ring text itself, normally from the environment ({@code AUTHD_NONCE_KEYS})
 */
public record NonceOptions(Path keyFile, String keys) {

    public static final NonceOptions DEFAULTS = new NonceOptions(null, null);

    public NonceOptions {
        Problems problems = new Problems();
        // Two sources would leave it unclear which ring signs; a rotation done in one would silently not apply.
        problems.check(keyFile == null || keys == null, "", "set either keyFile or keys, not both");
        problems.check(keys == null || !keys.isBlank(), "keys", "must not be empty");
        problems.throwIfAny();
    }

    /** True when a key ring is configured rather than generated. */
    public boolean configured() {
        return keyFile != null || keys != null;
    }
}
