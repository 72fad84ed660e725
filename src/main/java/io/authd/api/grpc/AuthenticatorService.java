package io.authd.api.grpc;

import io.authd.api.grpc.v1.AuthenticatorProto;
import io.authd.api.grpc.v1.ChallengeRequest;
import io.authd.api.grpc.v1.Decision;
import io.authd.api.grpc.v1.VerifyRequest;
import io.authd.api.http.ApiRequests;
import io.authd.api.http.Decoded;
import io.authd.api.http.PublicApi;
import io.authd.api.http.RequestFields;
import io.authd.auth.ApiSurface;
import io.authd.auth.Authenticator;
import io.vertx.core.Future;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.Service;

import java.util.List;
import java.util.function.Function;

/**
 * {@code authd.v1.Authenticator} (contract "gRPC"): the JSON API's two calls. Messages are turned into the
 * JSON API's {@link RequestFields} and judged by the same {@link ApiRequests}; an empty string or list is "not
 * given", as an absent JSON field is.
 */
final class AuthenticatorService {
    static final ServiceName NAME = ServiceName.create("authd.v1.Authenticator");
    static final ServiceMethod<ChallengeRequest, Decision> CHALLENGE = ServiceMethod.server(NAME, "Challenge",
            GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(ChallengeRequest.newBuilder()));
    static final ServiceMethod<VerifyRequest, Decision> VERIFY = ServiceMethod.server(NAME, "Verify",
            GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(VerifyRequest.newBuilder()));

    private AuthenticatorService() {
    }

    static Service create(Authenticator authenticator, ApiRequests requests) {
        return Service.service(NAME, AuthenticatorProto.getDescriptor().findServiceByName("Authenticator"))
                .bind(CHALLENGE, UnaryCalls.unary(m -> switch (requests.challenge(fields(m))) {
                    case Decoded.Ok<io.authd.auth.ChallengeRequest> ok -> new Decoded.Ok<>(Future.succeededFuture(
                            DecisionMessages.decision(authenticator.challenge(ok.value(), ApiSurface.GRPC))));
                    case Decoded.Invalid<io.authd.auth.ChallengeRequest> bad -> Decoded.invalid(bad.error());
                }))
                .bind(VERIFY, UnaryCalls.unary(m -> verify(authenticator, ApiSurface.GRPC, requests.verify(fields(m)),
                        DecisionMessages::decision)))
                .build();
    }

    /**
     * Verifies what {@code request} decoded to and answers with {@code answer} of the Decision; the Envoy Check
     * call shares this with Verify and differs only in its answer.
     */
    static <T> Decoded<Future<T>> verify(Authenticator authenticator, ApiSurface api,
                                         Decoded<io.authd.auth.VerifyRequest> request,
                                         Function<io.authd.auth.Decision, T> answer) {
        return switch (request) {
            case Decoded.Ok<io.authd.auth.VerifyRequest> ok -> new Decoded.Ok<>(
                    authenticator.verify(ok.value(), api).otherwise(PublicApi::failClosed).map(answer));
            case Decoded.Invalid<io.authd.auth.VerifyRequest> bad -> Decoded.invalid(bad.error());
        };
    }

    static RequestFields fields(ChallengeRequest m) {
        return RequestFields.create().protocol(given(m.getProtocol())).role(given(m.getRole()))
                .realm(given(m.getRealm())).algorithms(given(m.getAlgorithmsList()))
                .clientAddress(given(m.getClientAddress())).secure(m.getSecure());
    }

    static RequestFields fields(VerifyRequest m) {
        return RequestFields.create().protocol(given(m.getProtocol())).role(given(m.getRole()))
                .method(given(m.getMethod())).uri(given(m.getUri())).realm(given(m.getRealm()))
                .algorithms(given(m.getAlgorithmsList())).authorization(m.getAuthorizationList())
                .body(m.getBody().isEmpty() ? null : m.getBody().toByteArray())
                .clientAddress(given(m.getClientAddress())).requiredScopes(m.getRequiredScopesList())
                .secure(m.getSecure()).apiKey(given(m.getApiKey()));
    }

    /** Proto3 sends no "absent": the empty value stands for it. */
    static String given(String s) {
        return s.isEmpty() ? null : s;
    }

    private static List<String> given(List<String> list) {
        return list.isEmpty() ? null : list;
    }
}
