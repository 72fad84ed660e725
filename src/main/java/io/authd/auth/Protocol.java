package io.authd.auth;

import java.util.Optional;

/** Which protocol the caller speaks to its own client; the Digest profiles differ (see {@code digest.Profile}). */
public enum Protocol {
    HTTP("http"),
    SIP("sip");

    private final String wireName;

    Protocol(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Exact lookup of the contract's lowercase names; anything else is invalid API input. */
    public static Optional<Protocol> fromWire(String name) {
        for (Protocol p : values()) {
            if (p.wireName.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
