package io.authd.replay;

/** Whether a nonce-count was used before. */
public enum ReplayVerdict {
    FIRST_USE,
    REPLAYED
}
