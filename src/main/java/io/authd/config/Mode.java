package io.authd.config;

/** How strict start-up is about secrets. YAML: {@code demo} or {@code production}. */
public enum Mode {
    /** Runs without configured nonce keys: a throwaway key is generated, so nonces die with the process. */
    DEMO,
    /** Refuses to start without a nonce key ring, so that every replica can verify every other's nonces. */
    PRODUCTION
}
