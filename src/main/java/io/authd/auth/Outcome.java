package io.authd.auth;

/** The four outcomes of the wire contract. */
public enum Outcome {
    ALLOW("allow"),
    CHALLENGE("challenge"),
    DENY("deny"),
    ERROR("error");

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
