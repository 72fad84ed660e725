package io.authd.auth;

/** Reason codes of the wire contract ({@code shared/contract/API.md}, "Reason codes"). */
public enum Reason {
    OK("ok"),
    MISSING_CREDENTIALS("missing_credentials"),
    /** Wrong response and unknown user alike: the two must not be told apart. */
    BAD_CREDENTIALS("bad_credentials"),
    STALE_NONCE("stale_nonce"),
    INVALID_NONCE("invalid_nonce"),
    REPLAYED_NONCE("replayed_nonce"),
    REALM_MISMATCH("realm_mismatch"),
    UNSUPPORTED_ALGORITHM("unsupported_algorithm"),
    MALFORMED_CREDENTIALS("malformed_credentials"),
    URI_MISMATCH("uri_mismatch"),
    LOCKED_OUT("locked_out"),
    INVALID_TOKEN("invalid_token"),
    EXPIRED_TOKEN("expired_token"),
    INSUFFICIENT_SCOPE("insufficient_scope"),
    UNAVAILABLE("unavailable");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
