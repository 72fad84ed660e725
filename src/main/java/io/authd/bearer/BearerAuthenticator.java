package io.authd.bearer;

import io.authd.auth.Decision;
import io.authd.auth.HeaderField;
import io.authd.auth.Outcome;
import io.authd.auth.Protocol;
import io.authd.auth.Reason;
import io.authd.auth.Role;
import io.authd.auth.ThrottledWarning;
import io.authd.config.RealmOptions;
import io.authd.credentials.ApiKeyTokens;
import io.authd.credentials.CredentialStore;
import io.authd.digest.VerifyContext;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens for the authenticator: verifies a token against its realm's issuers and turns the finding into a
 * Decision, and adds the realm's Bearer challenge to every challenge so a client learns each scheme offered
 * (the contract: Digest challenges first, then Bearer). Realms without a {@code bearer} section offer none.
 */
public final class BearerAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(BearerAuthenticator.class);
    private static final int RETRY_AFTER_SECONDS = 1;
    private static final ThrottledWarning UNAVAILABLE = new ThrottledWarning(LOG, java.time.Duration.ofSeconds(5));

    private final Map<String, TokenVerifier> byRealm;
    private final List<IssuerKeys> keys;
    private final CredentialStore store;
    private final InstantSource clock;

    /**
     * @param byRealm the verifier of each realm that accepts Bearer tokens, by realm name
     * @param keys    every issuer's keys, closed with this
     * @param store   where API keys are looked up, for realms with {@code apiKeys: true}
     */
    public BearerAuthenticator(Map<String, TokenVerifier> byRealm, List<IssuerKeys> keys, CredentialStore store,
                               InstantSource clock) {
        this.byRealm = Map.copyOf(byRealm);
        this.keys = List.copyOf(keys);
        this.store = store;
        this.clock = clock;
    }

    /** No realm accepts Bearer tokens. */
    public static BearerAuthenticator none() {
        return new BearerAuthenticator(Map.of(), List.of(), null, InstantSource.system());
    }

    /** True when {@code realm} takes Bearer tokens, so its challenges offer one. */
    public boolean offers(RealmOptions realm) {
        return byRealm.containsKey(realm.name());
    }

    /** {@code d} with the realm's plain Bearer challenge appended when it is a challenge and the realm offers Bearer. */
    public Decision offer(Protocol protocol, Role role, RealmOptions realm, Decision d) {
        TokenVerifier v = byRealm.get(realm.name());
        if (v == null || d.outcome() != Outcome.CHALLENGE) {
            return d;
        }
        return append(d, new HeaderField(role.challengeHeader(), BearerChallenge.plain(protocol, realm.name(), v.options())));
    }

    /**
     * Checks a token; fetches the issuer's keys once when the token names a key not yet known. Never fails.
     *
     * @param apiKeyOnly the token came outside Authorization (an X-API-Key header), where only an API key is taken
     */
    public Future<Decision> verify(VerifyContext ctx, String token, boolean apiKeyOnly) {
        TokenVerifier v = byRealm.get(ctx.realm().name());
        if (v == null) {
            return Future.succeededFuture(ctx.challenge(Reason.MISSING_CREDENTIALS, false,
                    "realm " + ctx.realm().name() + " does not accept Bearer tokens"));
        }
        List<String> scopes = ctx.request().requiredScopes();
        Optional<ApiKeyTokens.Presented> apiKey = v.options().apiKeys() ? ApiKeyTokens.parse(token) : Optional.empty();
        if (apiKey.isPresent()) {
            return store.findApiKey(ctx.realm().name(), apiKey.get().id())
                    .map(found -> decide(ctx, v, ApiKeyCheck.check(found, apiKey.get(), scopes, clock.instant())))
                    .otherwise(err -> {
                        UNAVAILABLE.warn("cannot look up an API key for realm " + ctx.realm().name(), err);
                        return Decision.unavailable("credential store unavailable", RETRY_AFTER_SECONDS);
                    });
        }
        if (apiKeyOnly) {
            return Future.succeededFuture(refused(ctx, v, Reason.INVALID_TOKEN, "not an API key"));
        }
        TokenCheck first = v.check(token, scopes);
        IssuerKeys refetch = first instanceof TokenCheck.UnknownKey u ? u.keys()
                : first instanceof TokenCheck.NoKeys n ? n.keys() : null;
        Future<TokenCheck> checked = refetch == null ? Future.succeededFuture(first)
                : refetch.refetch().map(fetched -> fetched ? v.check(token, scopes) : first);
        return checked.map(c -> decide(ctx, v, c));
    }

    private static Decision decide(VerifyContext ctx, TokenVerifier v, TokenCheck c) {
        return switch (c) {
            case TokenCheck.Valid valid -> Decision.allow(valid.identity(), List.of());
            case TokenCheck.Refused r -> refused(ctx, v, r.reason(), r.description());
            case TokenCheck.UnknownKey u -> refused(ctx, v, Reason.INVALID_TOKEN, "unknown key id");
            case TokenCheck.NoKeys n -> Decision.unavailable("the keys of the token's issuer are unavailable",
                    RETRY_AFTER_SECONDS);
        };
    }

    /**
     * RFC 6750 §3.1: {@code invalid_token} is 401 (407 for proxies) with every challenge the realm offers, the
     * Bearer one carrying the error; {@code insufficient_scope} is 403 with only the Bearer challenge.
     */
    private static Decision refused(VerifyContext ctx, TokenVerifier v, Reason reason, String description) {
        // The reason and a fixed phrase only: a token is a credential and never goes to the log.
        LOG.debug("Bearer token refused in realm {}: {} ({})", ctx.realm().name(), reason.code(), description);
        Role role = ctx.request().role();
        HeaderField bearer = new HeaderField(role.challengeHeader(), BearerChallenge.error(ctx.request().protocol(),
                ctx.realm().name(), v.options(), reason, description, ctx.request().requiredScopes()));
        if (reason == Reason.INSUFFICIENT_SCOPE) {
            return Decision.deny(403, reason, List.of(bearer), description);
        }
        return append(ctx.challenge(reason, false, description), bearer);
    }

    private static Decision append(Decision d, HeaderField header) {
        List<HeaderField> headers = new ArrayList<>(d.headers());
        headers.add(header);
        return new Decision(d.outcome(), d.status(), d.reason(), d.identity(), headers, d.detail());
    }

    public Future<Void> close() {
        return Future.all(keys.stream().map(IssuerKeys::close).toList()).mapEmpty();
    }
}
