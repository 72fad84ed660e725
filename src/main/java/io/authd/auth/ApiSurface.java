package io.authd.auth;

/**
 * Which of authd's APIs a request came through. Metrics tag decisions with it, so that an operator sees which
 * callers (SIP proxies on the JSON API, web front ends on forward-auth, gRPC clients) a change in traffic is from.
 */
public enum ApiSurface {
    /** {@code POST /v1/verify} and {@code POST /v1/challenge}. */
    JSON("json"),
    /** {@code ANY /v1/forward-auth}. */
    FORWARD_AUTH("forward_auth"),
    /** {@code authd.v1.Authenticator} over gRPC. */
    GRPC("grpc"),
    /** Envoy's {@code envoy.service.auth.v3.Authorization/Check} over gRPC. */
    EXT_AUTHZ("ext_authz");

    private final String tag;

    ApiSurface(String tag) {
        this.tag = tag;
    }

    /** The value of the {@code api} metric tag. */
    public String tag() {
        return tag;
    }
}
