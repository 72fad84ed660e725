package io.authd.api.grpc;

import io.authd.api.http.ApiRequests;
import io.authd.auth.ApiSurface;
import io.authd.auth.Authenticator;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.envoyproxy.envoy.service.auth.v3.ExternalAuthProto;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.Service;

/**
 * {@code envoy.service.auth.v3.Authorization/Check}: always gRPC OK, the decision in CheckResponse.status, so
 * that Envoy answers the client with authd's status and challenges ({@link EnvoyCheck}). A CheckRequest that
 * lacks what a verification needs is INVALID_ARGUMENT, which Envoy treats as a failed check: with
 * {@code failure_mode_allow: false} the client is refused.
 */
final class ExtAuthzService {
    static final ServiceName NAME = ServiceName.create("envoy.service.auth.v3.Authorization");
    static final ServiceMethod<CheckRequest, CheckResponse> CHECK = ServiceMethod.server(NAME, "Check",
            GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(CheckRequest.newBuilder()));

    private ExtAuthzService() {
    }

    static Service create(Authenticator authenticator, ApiRequests requests) {
        return Service.service(NAME, ExternalAuthProto.getDescriptor().findServiceByName("Authorization"))
                .bind(CHECK, UnaryCalls.unary(check -> AuthenticatorService.verify(authenticator,
                        ApiSurface.EXT_AUTHZ, requests.verify(EnvoyCheck.fields(check)),
                        EnvoyCheck::response)))
                .build();
    }
}
