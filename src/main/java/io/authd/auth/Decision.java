package io.authd.auth;

import java.util.List;
import java.util.Objects;

/**
 * The answer to every authentication call (contract "Decisions").
 *
 * @param status   the status the caller answers its own client with (HTTP or SIP)
 * @param identity present only on allow
 * @param headers  headers the caller adds to its answer, in order
 * @param detail   a human-readable explanation for operators (additive to the contract); never secret
 */
public record Decision(Outcome outcome, int status, Reason reason, Identity identity,
                       List<HeaderField> headers, String detail) {
    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        headers = List.copyOf(headers);
        if ((identity != null) != (outcome == Outcome.ALLOW)) {
            throw new IllegalArgumentException("identity must be present exactly on allow");
        }
    }

    public static Decision allow(Identity identity, List<HeaderField> headers) {
        return new Decision(Outcome.ALLOW, 200, Reason.OK, identity, headers, null);
    }

    public static Decision challenge(int status, Reason reason, List<HeaderField> headers, String detail) {
        return new Decision(Outcome.CHALLENGE, status, reason, null, headers, detail);
    }

    public static Decision deny(int status, Reason reason, List<HeaderField> headers, String detail) {
        return new Decision(Outcome.DENY, status, reason, null, headers, detail);
    }

    /** Fail closed: the service could not check, so it neither allows nor blames the client. */
    public static Decision unavailable(String detail, int retryAfterSeconds) {
        return new Decision(Outcome.ERROR, 503, Reason.UNAVAILABLE, null,
                List.of(new HeaderField("Retry-After", Integer.toString(retryAfterSeconds))), detail);
    }
}
