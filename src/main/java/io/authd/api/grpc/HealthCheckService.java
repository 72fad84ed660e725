package io.authd.api.grpc;

import io.authd.auth.Authenticator;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.health.v1.HealthCheckRequest;
import io.vertx.grpc.health.v1.HealthCheckResponse;
import io.vertx.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.vertx.grpc.health.v1.HealthProto;
import io.vertx.grpc.server.Service;

import java.util.Set;

/**
 * {@code grpc.health.v1.Health/Check} following readiness, as {@code /health/ready} does: SERVING while every
 * store answers, NOT_SERVING while one cannot, so a gRPC-aware balancer (or a Kubernetes grpc probe) sends
 * traffic elsewhere. Vert.x's own HealthService always reports the server ("") SERVING, which is why authd
 * answers Check itself (with Vert.x's generated messages). Watch is not offered (UNIMPLEMENTED).
 */
final class HealthCheckService {
    static final ServiceName NAME = ServiceName.create("grpc.health.v1.Health");
    static final ServiceMethod<HealthCheckRequest, HealthCheckResponse> CHECK = ServiceMethod.server(NAME, "Check",
            GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(HealthCheckRequest.newBuilder()));
    /** The whole server (""), and each service whose answers depend on the stores. */
    private static final Set<String> FOLLOW_READINESS = Set.of("", AuthenticatorService.NAME.fullyQualifiedName(),
            ExtAuthzService.NAME.fullyQualifiedName());

    private HealthCheckService() {
    }

    static Service create(Authenticator authenticator) {
        return Service.service(NAME, HealthProto.getDescriptor().findServiceByName("Health"))
                .bind(CHECK, call -> call.handler(request -> {
                    if (!FOLLOW_READINESS.contains(request.getService())) {
                        // grpc health protocol: an unknown service is NOT_FOUND.
                        call.response().status(GrpcStatus.NOT_FOUND).statusMessage("unknown service").end();
                        return;
                    }
                    boolean ready = !authenticator.readiness().containsValue(false);
                    call.response().end(HealthCheckResponse.newBuilder()
                            .setStatus(ready ? ServingStatus.SERVING : ServingStatus.NOT_SERVING).build());
                }))
                .build();
    }
}
