package io.authd.lockout;

import io.authd.auth.Protocol;

/**
 * Who is trying: what the lockout counts a verification under.
 *
 * @param protocol the caller's protocol, which decides the lockout status (403 SIP, 429 HTTP)
 * @param realm    the realm verified against
 * @param user     the user name as claimed (Digest {@code username}, its userhash, or a Basic user); null when the
 *                 credentials name none (Bearer). Unknown users are counted like known ones, so neither the answer
 *                 nor its timing tells them apart.
 * @param address  the client's address as the caller saw it; null when unknown
 */
public record Attempt(Protocol protocol, String realm, String user, String address) {

    /** The key of the (realm, user) counter; the realm's length first, so no realm and user pair reads as another. */
    String userKey() {
        return "u:" + realm.length() + ":" + realm + ":" + user;
    }

    String addressKey() {
        return "a:" + address;
    }
}
