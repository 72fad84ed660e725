package io.authd.digest;

import io.authd.auth.Decision;
import io.authd.auth.DigestIdentity;
import io.authd.auth.HeaderField;
import io.authd.auth.Protocol;
import io.authd.auth.Reason;
import io.authd.auth.VerifyRequest;
import io.authd.config.RealmOptions;
import io.authd.config.UriCheck;
import io.authd.credentials.UserCredentials;
import io.authd.nonce.NonceCheck;
import io.authd.nonce.NonceService;

import java.util.List;

/**
 * The Digest verification rules, free of I/O. A verification runs in three steps around the two lookups the
 * caller performs asynchronously:
 * <ol>
 *   <li>{@link #precheck}: everything knowable without the user (algorithm, qop, nonce, digest uri);</li>
 *   <li>{@link #checkResponse}: with the user's HA1 (or none), the response itself, then staleness;</li>
 *   <li>{@link #replayed} or {@link #allow}: after the replay store has recorded the nonce-count.</li>
 * </ol>
 * The order matters: a stale nonce is reported only when the response is otherwise correct (RFC 7616
 * §3.3: stale=true tells the client its password was right), and unknown users cost the same hashing as
 * known ones so that neither the answer nor its timing tells them apart.
 */
public final class DigestVerifier {
    private static final String BAD_CREDENTIALS_DETAIL = "wrong response or unknown user";
    private static final String[] UNKNOWN_USER_HA1 = java.util.Arrays.stream(HashFunction.values())
            .map(h -> "0".repeat(h.hexLength())).toArray(String[]::new);

    private final NonceService nonces;
    private final DigestChallenges challenges;

    public DigestVerifier(NonceService nonces, DigestChallenges challenges) {
        this.nonces = nonces;
        this.challenges = challenges;
    }

    /** Step 1. */
    public Step precheck(VerifyContext ctx, DigestCredentials c) {
        RealmOptions realm = ctx.realm();
        if (c.algorithm() == null || !realm.algorithms().contains(c.algorithm())) {
            return done(ctx.challenge(Reason.UNSUPPORTED_ALGORITHM, false,
                    "algorithm " + c.algorithmToken() + " is not offered by realm " + realm.name()));
        }
        String qopProblem = qopProblem(realm, c);
        if (qopProblem != null) {
            return done(ctx.challenge(Reason.BAD_CREDENTIALS, false, qopProblem));
        }
        NonceCheck nonce = nonces.check(c.nonce(), realm.name(), c.algorithm(), ctx.nonceBinding(),
                realm.nonceLifetime(), realm.nextNonceAfter());
        if (nonce instanceof NonceCheck.Invalid invalid) {
            return done(ctx.challenge(Reason.INVALID_NONCE, false, invalid.reason()));
        }
        if (!uriMatches(ctx, c.uri())) {
            return done(Decision.deny(400, Reason.URI_MISMATCH, List.of(),
                    "digest uri does not designate the request target"));
        }
        return new Step.NeedsUser(c, nonce);
    }

    /** Step 2. {@code user} is null when the store has no such user. */
    public Step checkResponse(VerifyContext ctx, Step.NeedsUser pending, UserCredentials user) {
        DigestCredentials c = pending.credentials();
        String ha1 = user == null || !user.enabled() ? null : user.ha1(c.algorithm().hash());
        DigestInput input = new DigestInput(c.algorithm(), ctx.request().method(), c.uri(), c.nonce(), c.nc(),
                c.cnonce(), c.qop(), ctx.request().body());
        DigestHasher hasher = DigestHasher.current();
        boolean correct = hasher.matches(input, ha1 == null ? unknownUserHa1(c.algorithm()) : ha1, c.response());
        if (!correct || ha1 == null) {
            return done(ctx.challenge(Reason.BAD_CREDENTIALS, false, BAD_CREDENTIALS_DETAIL));
        }
        if (pending.nonce() instanceof NonceCheck.Stale) {
            return done(ctx.challenge(Reason.STALE_NONCE, true, "nonce expired; the response was correct"));
        }
        NonceCheck.Fresh fresh = (NonceCheck.Fresh) pending.nonce();
        return new Step.Verified(c, fresh, user.username(), ha1);
    }

    /** Step 3, when the nonce-count was used before (RFC 7616 §3.4). */
    public Decision replayed(VerifyContext ctx) {
        return ctx.challenge(Reason.REPLAYED_NONCE, false, "nonce-count already used with this nonce");
    }

    /** Step 3, allow: identity and Authentication-Info (RFC 7616 §3.5, RFC 3261 §22.4 for SIP). */
    public Decision allow(VerifyContext ctx, Step.Verified v) {
        DigestCredentials c = v.credentials();
        DigestIdentity identity = new DigestIdentity(v.username(), ctx.realm().name(), c.algorithm(), c.qop());
        String info = authenticationInfo(ctx, v);
        if (info == null) {
            return Decision.allow(identity, List.of());
        }
        String header = ctx.request().role().authenticationInfoHeader(ctx.request().protocol());
        return Decision.allow(identity, List.of(new HeaderField(header, info)));
    }

    private String authenticationInfo(VerifyContext ctx, Step.Verified v) {
        DigestCredentials c = v.credentials();
        String next = v.nonce().refreshDue()
                ? challenges.nextNonce(ctx.realm(), c.algorithm(), ctx.request().clientAddress()) : null;
        if (c.qop() == null) {
            return next == null ? null : "nextnonce=\"" + next + "\"";
        }
        // rspauth: HA2 over an empty method (RFC 7616 §3.5); for auth-int over an empty body, since authd
        // never sees the caller's response body (contract "Clarifications").
        DigestInput rsp = new DigestInput(c.algorithm(), "", c.uri(), c.nonce(), c.nc(), c.cnonce(), c.qop(), null);
        StringBuilder b = new StringBuilder(160).append("qop=").append(c.qop().token()).append(", rspauth=\"")
                .append(DigestHasher.current().response(rsp, v.ha1())).append("\", cnonce=");
        HeaderValues.appendQuoted(b, c.cnonce());
        b.append(", nc=").append(c.nc());
        if (next != null) {
            b.append(", nextnonce=\"").append(next).append('"');
        }
        return b.toString();
    }

    private static String qopProblem(RealmOptions realm, DigestCredentials c) {
        if (c.qop() == null) {
            return realm.allowNoQop() ? null : "realm " + realm.name() + " requires qop (RFC 2069 answers refused)";
        }
        return realm.qop().contains(c.qop()) ? null : "qop " + c.qop().token() + " is not offered by realm " + realm.name();
    }

    private static boolean uriMatches(VerifyContext ctx, String digestUri) {
        VerifyRequest r = ctx.request();
        boolean check = r.protocol() == Protocol.HTTP || ctx.realm().sipUriCheck() == UriCheck.STRICT;
        return !check || DigestUris.matches(r.protocol(), digestUri, r.uri());
    }

    /** An HA1 no password produces in practice, hashed like a real one so timing does not reveal unknown users. */
    private static String unknownUserHa1(DigestAlgorithm algorithm) {
        return UNKNOWN_USER_HA1[algorithm.hash().ordinal()];
    }

    private static Step done(Decision d) {
        return new Step.Done(d);
    }

    /** Where a verification stands between steps. */
    public sealed interface Step {
        record Done(Decision decision) implements Step {
        }

        record NeedsUser(DigestCredentials credentials, NonceCheck nonce) implements Step {
        }

        /** Response correct and nonce fresh: allow once the replay store agrees. */
        record Verified(DigestCredentials credentials, NonceCheck.Fresh nonce, String username, String ha1)
                implements Step {
        }
    }
}
