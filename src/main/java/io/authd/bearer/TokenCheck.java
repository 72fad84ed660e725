package io.authd.bearer;

import io.authd.auth.BearerIdentity;
import io.authd.auth.Reason;

/** What checking one token found; bad tokens are values, not exceptions. */
public sealed interface TokenCheck {

    record Valid(BearerIdentity identity) implements TokenCheck {
    }

    /**
     * The token is refused: {@code invalid_token}, {@code expired_token} or {@code insufficient_scope}.
     *
     * @param description for RFC 6750 §3 {@code error_description}: a fixed phrase, never token content
     */
    record Refused(Reason reason, String description) implements TokenCheck {
    }

    /** The token names a {@code kid} its issuer's keys lack: fetch them once and check again. */
    record UnknownKey(IssuerKeys keys) implements TokenCheck {
    }

    /** The issuer's keys are not available (never fetched, or stale past the bound): authd cannot decide. */
    record NoKeys(IssuerKeys keys) implements TokenCheck {
    }
}
