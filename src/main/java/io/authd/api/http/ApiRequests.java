package io.authd.api.http;

import io.authd.auth.ChallengeRequest;
import io.authd.auth.Protocol;
import io.authd.auth.Realms;
import io.authd.auth.Role;
import io.authd.auth.VerifyRequest;
import io.authd.bearer.ScopeTokens;
import io.authd.config.RealmOptions;
import io.authd.digest.DigestAlgorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Turns request fields into validated requests: known protocol, role and realm; algorithms that exist and
 * that the realm offers. What passes here is safe for the authenticator; what fails is invalid API input.
 * The HTTP/JSON and the gRPC APIs both decode through here, so the two cannot judge input differently.
 */
public final class ApiRequests {
    private final Realms realms;

    public ApiRequests(Realms realms) {
        this.realms = realms;
    }

    Decoded<ChallengeRequest> challenge(byte[] json) {
        return switch (RequestFields.read(json)) {
            case Decoded.Ok<RequestFields> ok -> challenge(ok.value());
            case Decoded.Invalid<RequestFields> inv -> Decoded.invalid(inv.error());
        };
    }

    /** A POST /v1/verify body, decoded as {@link PublicApi} decodes it. */
    public Decoded<VerifyRequest> verify(byte[] json) {
        return switch (RequestFields.read(json)) {
            case Decoded.Ok<RequestFields> ok -> verify(ok.value());
            case Decoded.Invalid<RequestFields> inv -> Decoded.invalid(inv.error());
        };
    }

    public Decoded<ChallengeRequest> challenge(RequestFields f) {
        Common c = new Common();
        ApiError e = c.resolve(f.protocol, f.role, f.realm, f.algorithms, f.clientAddress);
        return e != null ? Decoded.invalid(e)
                : new Decoded.Ok<>(new ChallengeRequest(c.protocol, c.role, c.realm.name(), c.algorithms, f.clientAddress,
                f.secure));
    }

    public Decoded<VerifyRequest> verify(RequestFields f) {
        if (f.method == null || f.method.isEmpty()) {
            return Decoded.invalid(ApiError.missingField("method"));
        }
        if (f.uri == null || f.uri.isEmpty()) {
            return Decoded.invalid(ApiError.missingField("uri"));
        }
        ApiError badScope = checkScopes("requiredScopes", f.requiredScopes);
        if (badScope != null) {
            return Decoded.invalid(badScope);
        }
        Common c = new Common();
        ApiError e = c.resolve(f.protocol, f.role, f.realm, f.algorithms, f.clientAddress);
        return e != null ? Decoded.invalid(e) : new Decoded.Ok<>(new VerifyRequest(c.protocol, c.role, f.method,
                f.uri, c.realm.name(), f.authorization, f.body, f.clientAddress, f.requiredScopes, c.algorithms,
                f.secure, readsApiKeyOutsideAuthorization(c.realm) ? f.apiKey : null));
    }

    /** Where a realm does not read API keys outside Authorization, one sent there is ignored, as if absent. */
    private static boolean readsApiKeyOutsideAuthorization(RealmOptions realm) {
        return realm.bearer() != null && realm.bearer().apiKeyOutsideAuthorization();
    }

    /** Required scopes are echoed in an {@code insufficient_scope} challenge, so each must be a scope-token. */
    private static ApiError checkScopes(String field, List<String> scopes) {
        for (int i = 0; scopes != null && i < scopes.size(); i++) {
            if (!ScopeTokens.isToken(scopes.get(i))) {
                return ApiError.invalidField(field + "[" + i + "]",
                        "must be a scope token (RFC 6750 §3: printable ASCII without space, '\"' or '\\')");
            }
        }
        return null;
    }

    /**
     * Forward-auth takes protocol, role, realm and the required scopes ({@code scope}, space separated as in
     * RFC 6750 §3) from query parameters.
     *
     * @param secure the original request came over TLS
     * @param header the original request's header of a given name, or null: an API key is read from the realm's
     *               {@code bearer.apiKeyHeader}
     */
    Decoded<VerifyRequest> forwardAuth(String protocol, String role, String realm, String scope, String method,
                                       String uri, List<String> authorization, String clientAddress, boolean secure,
                                       UnaryOperator<String> header) {
        List<String> scopes = scope == null || scope.isBlank() ? List.of() : List.of(scope.strip().split(" +"));
        ApiError e = checkScopes("scope", scopes);
        Common c = new Common();
        e = e != null ? e : c.resolve(protocol, role, realm, null, clientAddress);
        if (e != null) {
            return Decoded.invalid(e);
        }
        String apiKey = readsApiKeyOutsideAuthorization(c.realm) ? header.apply(c.realm.bearer().apiKeyHeader()) : null;
        return new Decoded.Ok<>(new VerifyRequest(c.protocol, c.role, method, uri, c.realm.name(), authorization, null,
                clientAddress, scopes, null, secure, apiKey));
    }

    /** The fields both calls share, resolved against the configuration. */
    private final class Common {
        Protocol protocol = Protocol.HTTP;
        Role role = Role.ORIGIN;
        RealmOptions realm;
        List<DigestAlgorithm> algorithms;

        ApiError resolve(String protocolName, String roleName, String realmName, List<String> algorithmNames,
                         String clientAddress) {
            if (protocolName != null) {
                Optional<Protocol> p = Protocol.fromWire(protocolName);
                if (p.isEmpty()) {
                    return ApiError.invalidField("protocol", "must be \"http\" or \"sip\"");
                }
                protocol = p.get();
            }
            if (roleName != null) {
                Optional<Role> r = Role.fromWire(roleName);
                if (r.isEmpty()) {
                    return ApiError.invalidField("role", "must be \"origin\" or \"proxy\"");
                }
                role = r.get();
            }
            Optional<RealmOptions> r = realms.resolve(realmName);
            if (r.isEmpty()) {
                return ApiError.unknownRealm(realmName);
            }
            realm = r.get();
            if (realm.bindClientAddress() && (clientAddress == null || clientAddress.isEmpty())) {
                return ApiError.missingField("clientAddress (realm " + realm.name() + " binds nonces to client addresses)");
            }
            return algorithmNames == null ? null : resolveAlgorithms(algorithmNames);
        }

        private ApiError resolveAlgorithms(List<String> names) {
            if (names.isEmpty()) {
                return ApiError.invalidField("algorithms", "must not be empty (omit it for the realm's list)");
            }
            algorithms = new ArrayList<>(names.size());
            for (int i = 0; i < names.size(); i++) {
                Optional<DigestAlgorithm> a = DigestAlgorithm.fromToken(names.get(i));
                String field = "algorithms[" + i + "]";
                if (a.isEmpty()) {
                    return ApiError.invalidField(field, "unknown algorithm (known: MD5, MD5-sess, SHA-256, "
                            + "SHA-256-sess, SHA-512-256, SHA-512-256-sess)");
                }
                if (!realm.algorithms().contains(a.get())) {
                    return ApiError.invalidField(field, a.get().token() + " is not enabled for realm " + realm.name());
                }
                if (!algorithms.contains(a.get())) {
                    algorithms.add(a.get());
                }
            }
            return null;
        }
    }
}
