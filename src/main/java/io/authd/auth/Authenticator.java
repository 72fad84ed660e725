package io.authd.auth;

import io.authd.basic.BasicAuthenticator;
import io.authd.bearer.BearerAuthenticator;
import io.authd.config.RealmOptions;
import io.authd.credentials.CredentialStore;
import io.authd.credentials.UserCredentials;
import io.authd.digest.CredentialsSelection;
import io.authd.digest.DigestChallenges;
import io.authd.digest.DigestCredentials;
import io.authd.digest.DigestVerifier;
import io.authd.digest.DigestVerifier.Step;
import io.authd.digest.VerifyContext;
import io.authd.lockout.Attempt;
import io.authd.lockout.Lockout;
import io.authd.metrics.AuthMetrics;
import io.authd.metrics.Scheme;
import io.authd.replay.ReplayStore;
import io.authd.replay.ReplayVerdict;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Answers challenge and verify calls: the seam between the pure protocol rules ({@code digest}, {@code nonce})
 * and the stores, which answer asynchronously. Requests reach it validated (known realm, offered algorithms);
 * it never fails a future: anything it cannot check becomes an {@code unavailable} decision, never allow.
 */
public final class Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    private static final int RETRY_AFTER_SECONDS = 1;
    private static final ThrottledWarning UNAVAILABLE = new ThrottledWarning(LOG, java.time.Duration.ofSeconds(5));

    private final Realms realms;
    private final DigestChallenges challenges;
    private final DigestVerifier verifier;
    private final CredentialStore credentials;
    private final ReplayStore replay;
    private final BearerAuthenticator bearer;
    private final BasicAuthenticator basic;
    private final Lockout lockout;
    private final AuthMetrics metrics;
    private final AuditLog audit;

    public Authenticator(Realms realms, DigestChallenges challenges, DigestVerifier verifier,
                         CredentialStore credentials, ReplayStore replay, BearerAuthenticator bearer,
                         Lockout lockout, AuthMetrics metrics, AuditLog audit) {
        this.realms = realms;
        this.challenges = challenges;
        this.verifier = verifier;
        this.credentials = credentials;
        this.replay = replay;
        this.bearer = bearer;
        this.basic = new BasicAuthenticator(credentials);
        this.lockout = lockout;
        this.metrics = metrics;
        this.audit = audit;
    }

    public Realms realms() {
        return realms;
    }

    /** Each store's readiness, by name, for the readiness probe: the replica takes traffic when all are true. */
    public java.util.Map<String, Boolean> readiness() {
        return java.util.Map.of("credentials", credentials.ready(), "replay", replay.ready(),
                "lockout", lockout.ready());
    }

    /** @param api the API the request came through, for metrics */
    public Decision challenge(ChallengeRequest r, ApiSurface api) {
        long started = System.nanoTime();
        RealmOptions realm = realm(r.realm());
        var offered = r.algorithms() == null ? realm.algorithms() : r.algorithms();
        Decision d = basic.offer(r.protocol(), r.role(), realm, r.secure(), bearer.offer(r.protocol(), r.role(), realm,
                Decision.challenge(r.role().challengeStatus(), Reason.MISSING_CREDENTIALS, challenges.headers(
                        r.protocol(), r.role(), realm, offered, r.clientAddress(), false), null)));
        metrics.challenged(api, r.protocol(), System.nanoTime() - started);
        return d;
    }

    /**
     * Every verification, whichever API it came through, is answered here: the one place that counts and audits.
     * The {@link Lockout} is asked first (a locked-out user or address is refused before its credentials are
     * checked) and told the decision after. Bearer tokens go to {@link BearerAuthenticator}, Basic credentials to
     * {@link BasicAuthenticator}, Digest stays here; every challenge lists the realm's Digest challenges, then
     * Bearer, then Basic where each may be used.
     *
     * @param api the API the request came through, for metrics
     */
    public Future<Decision> verify(VerifyRequest r, ApiSurface api) {
        long started = System.nanoTime();
        VerifyContext ctx = VerifyContext.of(r, realm(r.realm()), challenges);
        CredentialsSelection selection = CredentialsSelection.select(r.authorization(), ctx.realm().name(), r.apiKey());
        DigestCredentials claimed = selection instanceof CredentialsSelection.Found f ? f.credentials() : null;
        String claimedUser = claimed != null ? claimed.username()
                : selection instanceof CredentialsSelection.Basic b ? BasicAuthenticator.claimedUser(b.userPass()) : null;
        // onSuccess returns the same future: no copy per request. It never fails (see verifyDigest).
        return lockout.guard(attempt(r, ctx, selection, claimedUser), () -> decide(r, ctx, selection)).onSuccess(d -> {
            metrics.verified(api, r.protocol(), scheme(selection), claimed == null ? null : claimed.algorithm(), d,
                    System.nanoTime() - started);
            audit.verified(r, ctx.realm().name(), claimedUser, claimed != null && claimed.userhash(), d);
        });
    }

    /**
     * What the lockout counts this verification under: the user as claimed (known or not, so lockouts do not
     * reveal which users exist) and the client's address; null when there are no credentials to guess with.
     *
     * @param claimedUser the Digest username (or userhash) or Basic user-id the credentials name
     */
    private static Attempt attempt(VerifyRequest r, VerifyContext ctx, CredentialsSelection selection,
                                   String claimedUser) {
        return switch (selection) {
            case CredentialsSelection.Found f -> new Attempt(r.protocol(), ctx.realm().name(), claimedUser, r.clientAddress());
            case CredentialsSelection.Basic b -> new Attempt(r.protocol(), ctx.realm().name(), claimedUser, r.clientAddress());
            case CredentialsSelection.Bearer b -> new Attempt(r.protocol(), ctx.realm().name(), null, r.clientAddress());
            case CredentialsSelection.None n -> null;
            case CredentialsSelection.OtherRealm o -> null;
            case CredentialsSelection.Malformed m -> null;
        };
    }

    private static Scheme scheme(CredentialsSelection selection) {
        return switch (selection) {
            case CredentialsSelection.Found f -> Scheme.DIGEST;
            case CredentialsSelection.OtherRealm o -> Scheme.DIGEST;
            case CredentialsSelection.Bearer b -> Scheme.BEARER;
            case CredentialsSelection.Basic b -> Scheme.BASIC;
            case CredentialsSelection.None n -> Scheme.NONE;
            case CredentialsSelection.Malformed m -> Scheme.NONE;
        };
    }

    private Future<Decision> decide(VerifyRequest r, VerifyContext ctx, CredentialsSelection selection) {
        Future<Decision> decided = switch (selection) {
            case CredentialsSelection.Bearer b -> bearer.verify(ctx, b.token(), b.apiKeyOnly());
            case CredentialsSelection.Basic b -> offeringBearer(r, ctx, basic.verify(ctx, b.userPass()));
            default -> offeringBearer(r, ctx, verifyDigest(ctx, selection));
        };
        // Only realms with Basic pay for the extra step.
        return ctx.realm().basicEnabled()
                ? Eager.map(decided, d -> basic.offer(r.protocol(), r.role(), ctx.realm(), r.secure(), d)) : decided;
    }

    /** Adds the realm's Bearer challenge to a challenge; only realms with Bearer pay for the extra step. */
    private Future<Decision> offeringBearer(VerifyRequest r, VerifyContext ctx, Future<Decision> decided) {
        return bearer.offers(ctx.realm())
                ? Eager.map(decided, d -> bearer.offer(r.protocol(), r.role(), ctx.realm(), d)) : decided;
    }

    private Future<Decision> verifyDigest(VerifyContext ctx, CredentialsSelection selection) {
        return switch (selection) {
            case CredentialsSelection.None none -> Future.succeededFuture(
                    ctx.challenge(Reason.MISSING_CREDENTIALS, false, null));
            case CredentialsSelection.Malformed m -> Future.succeededFuture(
                    Decision.deny(400, Reason.MALFORMED_CREDENTIALS, List.of(), m.reason()));
            case CredentialsSelection.OtherRealm o -> Future.succeededFuture(
                    ctx.challenge(Reason.REALM_MISMATCH, false, "credentials are for another realm"));
            case CredentialsSelection.Found f -> verifyDigest(ctx, f.credentials());
            case CredentialsSelection.Bearer b -> throw new IllegalStateException("Bearer is dispatched before");
            case CredentialsSelection.Basic b -> throw new IllegalStateException("Basic is dispatched before");
        };
    }

    private Future<Decision> verifyDigest(VerifyContext ctx, DigestCredentials c) {
        Step pre = verifier.precheck(ctx, c);
        if (pre instanceof Step.Done done) {
            return Future.succeededFuture(done.decision());
        }
        Step.NeedsUser pending = (Step.NeedsUser) pre;
        Future<Decision> decided = Eager.compose(lookup(ctx.realm(), c),
                user -> afterLookup(ctx, pending, user.orElse(null)));
        return decided.succeeded() ? decided : decided.recover(err -> {
            UNAVAILABLE.warn("cannot verify for realm " + ctx.realm().name(), err);
            return Future.succeededFuture(Decision.unavailable("credential or replay store unavailable",
                    RETRY_AFTER_SECONDS));
        });
    }

    private Future<Decision> afterLookup(VerifyContext ctx, Step.NeedsUser pending, UserCredentials user) {
        Step step = verifier.checkResponse(ctx, pending, user);
        if (step instanceof Step.Done done) {
            return Future.succeededFuture(done.decision());
        }
        Step.Verified v = (Step.Verified) step;
        if (v.credentials().qop() == null) {
            // RFC 2069 answers carry no nonce-count: only the nonce lifetime limits their reuse, which is
            // why realms must opt in to them (allowNoQop).
            return Future.succeededFuture(verifier.allow(ctx, v));
        }
        return Eager.map(replay.record(v.credentials().nonce(), v.credentials().ncValue(), v.nonce().expiresAtMillis()),
                verdict -> verdict == ReplayVerdict.FIRST_USE ? verifier.allow(ctx, v) : verifier.replayed(ctx));
    }

    private Future<Optional<UserCredentials>> lookup(RealmOptions realm, DigestCredentials c) {
        return c.userhash()
                ? credentials.findByUserhash(realm.name(), c.algorithm().hash(), c.username().toLowerCase(java.util.Locale.ROOT))
                : credentials.findByUsername(realm.name(), c.username());
    }

    private RealmOptions realm(String name) {
        return realms.resolve(name).orElseThrow(() ->
                new IllegalArgumentException("realm " + name + " must be validated before it reaches the authenticator"));
    }
}
