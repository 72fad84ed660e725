package io.authd.api.grpc;

import com.google.rpc.Status;
import io.authd.api.http.RequestFields;
import io.authd.api.http.WireDecision;
import io.authd.auth.Decision;
import io.authd.auth.HeaderField;
import io.authd.auth.Role;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption.HeaderAppendAction;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.envoyproxy.envoy.service.auth.v3.DeniedHttpResponse;
import io.envoyproxy.envoy.service.auth.v3.OkHttpResponse;
import io.envoyproxy.envoy.type.v3.HttpStatus;
import io.vertx.grpc.common.GrpcStatus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Envoy external authorization (ext_authz, API v3) in authd's terms: a CheckRequest becomes the fields of a
 * verification, and the Decision becomes a CheckResponse (contract "gRPC"). Pure mapping, no I/O.
 *
 * <p>Header semantics follow what Envoy's ext_authz filter does with them (shared field notes): challenge
 * headers in a denied response keep {@code append} unset and {@code append_action} at its default, so every
 * WWW-Authenticate reaches the client; the {@code x-authd-*} headers to upstream overwrite, so a client's
 * forged {@code x-authd-user} never survives.
 */
final class EnvoyCheck {
    private EnvoyCheck() {
    }

    /**
     * Realm, protocol and role from the route's {@code context_extensions}, else the defaults; the digest uri is
     * compared with {@code path}, which Envoy sends with its query; the request is secure (for Basic) when Envoy's
     * {@code scheme} attribute is {@code https}.
     */
    static RequestFields fields(CheckRequest check) {
        AttributeContext a = check.getAttributes();
        AttributeContext.HttpRequest http = a.getRequest().getHttp();
        var ext = a.getContextExtensionsMap();
        String role = ext.get("role");
        String header = Role.PROXY.wireName().equals(role) ? "proxy-authorization" : "authorization";
        return RequestFields.create().realm(ext.get("realm")).protocol(ext.get("protocol")).role(role)
                .method(AuthenticatorService.given(http.getMethod())).uri(AuthenticatorService.given(http.getPath()))
                .authorization(headerValues(http, header)).body(body(http)).secure("https".equals(http.getScheme()))
                .clientAddress(AuthenticatorService.given(a.getSource().getAddress().getSocketAddress().getAddress()));
    }

    static CheckResponse response(Decision d) {
        WireDecision w = WireDecision.of(d);
        return switch (d.outcome()) {
            case ALLOW -> CheckResponse.newBuilder().setStatus(status(GrpcStatus.OK))
                    .setOkResponse(OkHttpResponse.newBuilder()
                            .addAllHeaders(options(WireDecision.upstreamHeaders(d), HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD))
                            .addAllResponseHeadersToAdd(options(w.headers(), null)))
                    .build();
            case CHALLENGE -> denied(w, GrpcStatus.UNAUTHENTICATED);
            case DENY -> denied(w, GrpcStatus.PERMISSION_DENIED);
            case ERROR -> denied(w, GrpcStatus.UNAVAILABLE);
        };
    }

    private static CheckResponse denied(WireDecision w, GrpcStatus code) {
        return CheckResponse.newBuilder().setStatus(status(code))
                .setDeniedResponse(DeniedHttpResponse.newBuilder()
                        .setStatus(HttpStatus.newBuilder().setCodeValue(w.status()))
                        .addAllHeaders(options(w.headers(), null)))
                .build();
    }

    private static Status status(GrpcStatus code) {
        return Status.newBuilder().setCode(code.code).build();
    }

    /** @param action null leaves {@code append_action} at its default (and {@code append} unset) */
    private static List<HeaderValueOption> options(List<HeaderField> headers, HeaderAppendAction action) {
        List<HeaderValueOption> out = new ArrayList<>(headers.size());
        for (HeaderField h : headers) {
            HeaderValueOption.Builder o = HeaderValueOption.newBuilder()
                    .setHeader(HeaderValue.newBuilder().setKey(h.name()).setValue(h.value()));
            if (action != null) {
                o.setAppendAction(action);
            }
            out.add(o.build());
        }
        return out;
    }

    /**
     * Each value of {@code name}: from {@code header_map} when Envoy sends it (one entry per header line,
     * {@code raw_value} with encode_raw_headers), else from {@code headers}, where Envoy has joined repeated
     * lines with commas.
     */
    private static List<String> headerValues(AttributeContext.HttpRequest http, String name) {
        List<String> values = new ArrayList<>();
        for (HeaderValue h : http.getHeaderMap().getHeadersList()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                values.add(h.getValue().isEmpty() ? h.getRawValue().toString(StandardCharsets.UTF_8) : h.getValue());
            }
        }
        if (values.isEmpty() && http.containsHeaders(name)) {
            values.add(http.getHeadersOrThrow(name));
        }
        return values;
    }

    /** The body for qop=auth-int, present only when the filter sets with_request_body. */
    private static byte[] body(AttributeContext.HttpRequest http) {
        if (!http.getRawBody().isEmpty()) {
            return http.getRawBody().toByteArray();
        }
        return http.getBody().isEmpty() ? null : http.getBody().getBytes(StandardCharsets.UTF_8);
    }
}
