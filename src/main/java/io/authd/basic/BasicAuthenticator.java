package io.authd.basic;

import io.authd.auth.BasicIdentity;
import io.authd.auth.Decision;
import io.authd.auth.HeaderField;
import io.authd.auth.Outcome;
import io.authd.auth.Protocol;
import io.authd.auth.Reason;
import io.authd.auth.Role;
import io.authd.auth.ThrottledWarning;
import io.authd.config.RealmOptions;
import io.authd.credentials.CredentialStore;
import io.authd.digest.HeaderValues;
import io.authd.digest.VerifyContext;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Basic credentials (RFC 7617) for the authenticator: checks a user-id and password against the user's stored HA1
 * and turns the finding into a Decision, and adds the realm's Basic challenge to every challenge where Basic may be
 * used. Basic sends the password itself, so it is accepted and offered only
 * <ul>
 *   <li>where the realm enables it ({@code basic.enabled});</li>
 *   <li>over TLS, as the caller reports it, where the realm requires that ({@code basic.requireTls}, the default);</li>
 *   <li>never in SIP: RFC 3261 §22.1 "MUST NOT" accept Basic.</li>
 * </ul>
 * Elsewhere Basic credentials count as none ({@code missing_credentials}, with the reason in the detail). A wrong
 * password and an unknown user are both {@code bad_credentials}, exactly as for Digest, so whatever counts Digest
 * failures counts Basic ones too.
 */
public final class BasicAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthenticator.class);
    private static final int RETRY_AFTER_SECONDS = 1;
    private static final ThrottledWarning UNAVAILABLE = new ThrottledWarning(LOG, java.time.Duration.ofSeconds(5));
    private static final String BAD_CREDENTIALS_DETAIL = "wrong password or unknown user";

    private final CredentialStore store;

    public BasicAuthenticator(CredentialStore store) {
        this.store = store;
    }

    /**
     * {@code d} with the realm's Basic challenge appended, when it is a challenge and Basic may be used for the
     * request: last, after the Digest and Bearer challenges (contract "Clarifications").
     */
    public Decision offer(Protocol protocol, Role role, RealmOptions realm, boolean secure, Decision d) {
        if (d.outcome() != Outcome.CHALLENGE || refusal(protocol, realm, secure) != null) {
            return d;
        }
        List<HeaderField> headers = new ArrayList<>(d.headers());
        headers.add(new HeaderField(role.challengeHeader(), challenge(realm.name())));
        return new Decision(d.outcome(), d.status(), d.reason(), d.identity(), headers, d.detail());
    }

    /** Checks Basic credentials; never fails: a store that cannot answer gives {@code unavailable}. */
    public Future<Decision> verify(VerifyContext ctx, String userPass) {
        String refusal = refusal(ctx.request().protocol(), ctx.realm(), ctx.request().secure());
        if (refusal != null) {
            return Future.succeededFuture(ctx.challenge(Reason.MISSING_CREDENTIALS, false, refusal));
        }
        return switch (BasicUserPass.decode(userPass)) {
            case BasicUserPass.Malformed m -> Future.succeededFuture(
                    Decision.deny(400, Reason.MALFORMED_CREDENTIALS, List.of(), m.reason()));
            case BasicUserPass.Valid v -> check(ctx, v);
        };
    }

    /** The user-id Basic credentials claim, for the audit trail; null when they do not decode. */
    public static String claimedUser(String userPass) {
        return BasicUserPass.decode(userPass) instanceof BasicUserPass.Valid v ? v.user() : null;
    }

    private Future<Decision> check(VerifyContext ctx, BasicUserPass.Valid v) {
        String realm = ctx.realm().name();
        return store.findByUsername(realm, v.user())
                .map(user -> BasicCheck.matches(user.orElse(null), v.user(), realm, v.password())
                        ? Decision.allow(new BasicIdentity(user.get().username(), realm), List.of())
                        : ctx.challenge(Reason.BAD_CREDENTIALS, false, BAD_CREDENTIALS_DETAIL))
                .otherwise(err -> {
                    UNAVAILABLE.warn("cannot verify Basic credentials for realm " + realm, err);
                    return Decision.unavailable("credential store unavailable", RETRY_AFTER_SECONDS);
                });
    }

    /** Why Basic may not be used for this request, or null when it may. */
    private static String refusal(Protocol protocol, RealmOptions realm, boolean secure) {
        if (protocol == Protocol.SIP) {
            return "Basic credentials are not accepted in SIP (RFC 3261 §22.1)";
        }
        if (!realm.basicEnabled()) {
            return "realm " + realm.name() + " does not accept Basic credentials";
        }
        if (realm.basic().requireTls() && !secure) {
            return "realm " + realm.name() + " accepts Basic credentials only over TLS, and the request is not marked "
                    + "secure (secure: true, or X-Forwarded-Proto: https on forward-auth)";
        }
        return null;
    }

    /** RFC 7617 §2 and §2.1: {@code Basic realm="...", charset="UTF-8"}. */
    private static String challenge(String realm) {
        StringBuilder b = new StringBuilder("Basic realm=");
        HeaderValues.appendQuoted(b, realm);
        return b.append(", charset=\"UTF-8\"").toString();
    }
}
