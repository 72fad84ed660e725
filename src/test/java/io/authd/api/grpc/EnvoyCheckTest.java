package io.authd.api.grpc;

import io.authd.testing.ClientDigest;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption.HeaderAppendAction;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.vertx.grpc.common.GrpcStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * envoy.service.auth.v3.Authorization/Check with CheckRequests shaped as Envoy sends them (lowercase header
 * names, path with its query, the route's context_extensions), built from Envoy's own proto definitions.
 */
class EnvoyCheckTest extends GrpcEndToEndTest {
    private static final String PATH = "/private/report.pdf?year=2026";
    /** By descriptor: the field is deprecated in Envoy's API, and what matters is that authd leaves it unset. */
    private static final com.google.protobuf.Descriptors.FieldDescriptor APPEND =
            HeaderValueOption.getDescriptor().findFieldByName("append");

    private static CheckRequest request(Map<String, String> headers, Map<String, String> extensions) {
        return CheckRequest.newBuilder().setAttributes(AttributeContext.newBuilder()
                .setSource(AttributeContext.Peer.newBuilder().setAddress(Address.newBuilder()
                        .setSocketAddress(SocketAddress.newBuilder().setAddress("203.0.113.7").setPortValue(51000))))
                .setRequest(AttributeContext.Request.newBuilder().setHttp(AttributeContext.HttpRequest.newBuilder()
                        .setId("1").setMethod("GET").setPath(PATH).setHost("files.example.com").setScheme("http")
                        .setProtocol("HTTP/1.1").putAllHeaders(headers)))
                .putAllContextExtensions(extensions)).build();
    }

    private static CheckResponse check(CheckRequest request) throws Exception {
        GrpcTestClient.Reply<CheckResponse> r = grpc.call("envoy.service.auth.v3.Authorization", "Check", request,
                CheckResponse.getDefaultInstance());
        assertThat(r.status()).as("a decision is always gRPC OK").isEqualTo(GrpcStatus.OK);
        return r.message();
    }

    private static Map<String, String> values(List<HeaderValueOption> options) {
        return options.stream().collect(java.util.stream.Collectors.toMap(o -> o.getHeader().getKey().toLowerCase(),
                o -> o.getHeader().getValue()));
    }

    /** Envoy's 401 for a request without credentials, then the client's answer to its first challenge. */
    private static Map<String, String> answered(Map<String, String> extensions, String header, String user,
                                                String password) throws Exception {
        CheckResponse challenge = check(request(Map.of(), extensions));
        String first = challenge.getDeniedResponse().getHeaders(0).getHeader().getValue();
        return Map.of(header, ClientDigest.authorization(first, user, password, "GET", PATH, "00000001", "c0ffee",
                "auth", null), "x-authd-user", "mallory");
    }

    @Test
    void aRequestWithoutCredentialsIsDenied401WithEveryChallengeAppendedNotOverwritten() throws Exception {
        CheckResponse r = check(request(Map.of(), Map.of("realm", "sip.example.com")));

        assertThat(r.getStatus().getCode()).isEqualTo(GrpcStatus.UNAUTHENTICATED.code);
        assertThat(r.getDeniedResponse().getStatus().getCodeValue()).isEqualTo(401);
        List<HeaderValueOption> headers = r.getDeniedResponse().getHeadersList();
        assertThat(headers).hasSize(2).allSatisfy(h -> {
            assertThat(h.getHeader().getKey()).isEqualTo("WWW-Authenticate");
            assertThat(h.hasField(APPEND)).as("append stays unset").isFalse();
            assertThat(h.getAppendAction()).isEqualTo(HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD);
        });
        assertThat(headers.get(0).getHeader().getValue()).contains("algorithm=SHA-256");
        assertThat(headers.get(1).getHeader().getValue()).contains("algorithm=MD5");
    }

    @Test
    void aCorrectAnswerIsOkWithIdentityHeadersThatOverwriteAForgedOne() throws Exception {
        Map<String, String> ext = Map.of("realm", "sip.example.com");
        CheckResponse r = check(request(answered(ext, "authorization", "alice", "wonderland"), ext));

        assertThat(r.getStatus().getCode()).isEqualTo(GrpcStatus.OK.code);
        assertThat(r.hasOkResponse()).isTrue();
        assertThat(values(r.getOkResponse().getHeadersList())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "x-authd-user", "alice", "x-authd-realm", "sip.example.com", "x-authd-scheme", "Digest"));
        assertThat(r.getOkResponse().getHeadersList()).allSatisfy(h ->
                assertThat(h.getAppendAction()).isEqualTo(HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD));
        assertThat(r.getOkResponse().getResponseHeadersToAddList()).singleElement().satisfies(h -> {
            assertThat(h.getHeader().getKey()).isEqualTo("Authentication-Info");
            assertThat(h.getHeader().getValue()).contains("rspauth=");
        });
    }

    @Test
    void aWrongPasswordIsDenied401AndForwardsNoIdentity() throws Exception {
        Map<String, String> ext = Map.of("realm", "md5.example.com");
        CheckResponse r = check(request(answered(ext, "authorization", "alice", "guess"), ext));

        assertThat(r.getDeniedResponse().getStatus().getCodeValue()).isEqualTo(401);
        assertThat(r.hasOkResponse()).isFalse();
    }

    @Test
    void proxyRoleFromContextExtensionsIs407AndReadsProxyAuthorization() throws Exception {
        Map<String, String> ext = Map.of("realm", "md5.example.com", "role", "proxy");
        CheckResponse challenge = check(request(Map.of("authorization", "Digest junk"), ext));
        assertThat(challenge.getDeniedResponse().getStatus().getCodeValue()).isEqualTo(407);
        assertThat(challenge.getDeniedResponse().getHeaders(0).getHeader().getKey()).isEqualTo("Proxy-Authenticate");

        CheckResponse allow = check(request(answered(ext, "proxy-authorization", "bob", "zanzibar"), ext));
        assertThat(allow.getStatus().getCode()).isEqualTo(GrpcStatus.OK.code);
        assertThat(values(allow.getOkResponse().getResponseHeadersToAddList())).containsKey("proxy-authentication-info");
    }

    @Test
    void theDigestUriIsComparedWithThePathIncludingItsQuery() throws Exception {
        Map<String, String> ext = Map.of("realm", "md5.example.com");
        Map<String, String> headers = answered(ext, "authorization", "alice", "wonderland");
        CheckRequest otherQuery = request(headers, ext).toBuilder().setAttributes(request(headers, ext).getAttributes()
                .toBuilder().setRequest(AttributeContext.Request.newBuilder().setHttp(request(headers, ext)
                        .getAttributes().getRequest().getHttp().toBuilder().setPath("/private/report.pdf?year=2025"))))
                .build();

        CheckResponse r = check(otherQuery);
        assertThat(r.getStatus().getCode()).isEqualTo(GrpcStatus.PERMISSION_DENIED.code);
        assertThat(r.getDeniedResponse().getStatus().getCodeValue()).isEqualTo(400);
    }

    @Test
    void aCheckRequestWithoutAPathIsInvalidArgumentNeverAllow() throws Exception {
        CheckRequest noPath = CheckRequest.newBuilder().setAttributes(AttributeContext.newBuilder()
                .setRequest(AttributeContext.Request.newBuilder().setHttp(AttributeContext.HttpRequest.newBuilder()
                        .setMethod("GET")))).build();

        GrpcTestClient.Reply<CheckResponse> r = grpc.call("envoy.service.auth.v3.Authorization", "Check", noPath,
                CheckResponse.getDefaultInstance());
        assertThat(r.status()).isEqualTo(GrpcStatus.INVALID_ARGUMENT);
        assertThat(r.statusMessage()).isEqualTo("missing_field: uri: required");
    }
}
