package io.authd.api.http;

import io.authd.testing.ClientDigest;
import io.authd.testing.Processes;
import io.authd.testing.EndToEndTest;
import io.authd.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How /v1/forward-auth reads the original request from a front proxy's headers (contract "forward-auth"). */
class ForwardAuthEndToEndTest extends EndToEndTest {

    private static String challenge(String query, String... headers) throws Exception {
        HttpResponse<String> r = server.get(server.url("/v1/forward-auth?" + query), headers);
        assertThat(r.statusCode()).isIn(401, 407);
        return r.headers().firstValue(r.statusCode() == 401 ? "WWW-Authenticate" : "Proxy-Authenticate").orElseThrow();
    }

    @Test
    void originalMethodAndUriComeFromNginxHeaders() throws Exception {
        String[] original = {"X-Original-Method", "POST", "X-Original-URI", "/app/orders?id=7"};
        String header = challenge("realm=md5.example.com", original);
        String auth = ClientDigest.authorization(header, "alice", "wonderland", "POST", "/app/orders?id=7",
                "00000001", "n1", "auth", null);
        HttpResponse<String> r = server.get(server.url("/v1/forward-auth?realm=md5.example.com"),
                "X-Original-Method", "POST", "X-Original-URI", "/app/orders?id=7", "Authorization", auth);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Authd-User")).hasValue("alice");
        assertThat(r.headers().firstValue("X-Authd-Realm")).hasValue("md5.example.com");
        assertThat(r.headers().firstValue("X-Authd-Scheme")).hasValue("Digest");
        assertThat(r.headers().firstValue("Authentication-Info")).isPresent();
    }

    @Test
    void traefikForwardedHeadersAreReadToo() throws Exception {
        String header = challenge("realm=md5.example.com");
        String auth = ClientDigest.authorization(header, "bob", "zanzibar", "DELETE", "/items/1", "00000001", "n2",
                "auth", null);
        HttpResponse<String> r = server.get(server.url("/v1/forward-auth?realm=md5.example.com"),
                "X-Forwarded-Method", "DELETE", "X-Forwarded-Uri", "/items/1", "Authorization", auth);
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void answerForAnotherMethodIsRefused() throws Exception {
        String header = challenge("realm=md5.example.com");
        String auth = ClientDigest.authorization(header, "bob", "zanzibar", "GET", "/items/1", "00000001", "n3",
                "auth", null);
        HttpResponse<String> r = server.get(server.url("/v1/forward-auth?realm=md5.example.com"),
                "X-Original-Method", "DELETE", "X-Original-URI", "/items/1", "Authorization", auth);
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void digestUriForAnotherResourceIs400() throws Exception {
        String header = challenge("realm=md5.example.com");
        String auth = ClientDigest.authorization(header, "bob", "zanzibar", "GET", "/public", "00000001", "n4",
                "auth", null);
        HttpResponse<String> r = server.get(server.url("/v1/forward-auth?realm=md5.example.com"),
                "X-Original-URI", "/admin", "Authorization", auth);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("uri_mismatch");
    }

    @Test
    void proxyRoleReadsProxyAuthorizationAndAnswers407() throws Exception {
        String header = challenge("realm=md5.example.com&role=proxy");
        String auth = ClientDigest.authorization(header, "alice", "wonderland", "GET", "/p", "00000001", "n5", "auth", null);
        HttpResponse<String> withAuthorization = server.get(server.url("/v1/forward-auth?realm=md5.example.com&role=proxy"),
                "X-Original-URI", "/p", "Authorization", auth);
        assertThat(withAuthorization.statusCode()).as("Authorization is not read in proxy role").isEqualTo(407);
        // curl, not the JDK client: the JDK client drops Proxy-Authorization unless it talks to a proxy.
        Processes.Result r = Processes.run(List.of(Processes.require("curl"), "-s", "-o", "/dev/null",
                "-w", "%{http_code} %header{proxy-authentication-info}", "-H", "X-Original-URI: /p",
                "-H", "Proxy-Authorization: " + auth, server.url("/v1/forward-auth?realm=md5.example.com&role=proxy")));
        assertThat(r.stdout()).startsWith("200 qop=auth, rspauth=");
    }

    @Test
    void everyChallengeIsSetAsAResponseHeaderInOrder() throws Exception {
        HttpResponse<String> r = server.get(server.url("/v1/forward-auth?realm=sip.example.com"));
        List<String> challenges = r.headers().allValues("WWW-Authenticate");
        assertThat(challenges).hasSize(2);
        assertThat(challenges.get(0)).contains("algorithm=SHA-256");
        assertThat(challenges.get(1)).contains("algorithm=MD5");
    }

    @Test
    void clientAddressComesFromXRealIpThenXForwardedFor() throws Exception {
        String header = challenge("realm=bound.example.com", "X-Forwarded-For", "203.0.113.7, 10.0.0.1");
        String auth = ClientDigest.authorization(header, "alice", "wonderland", "GET", "/b", "00000001", "n6", "auth", null);
        HttpResponse<String> same = server.get(server.url("/v1/forward-auth?realm=bound.example.com"),
                "X-Original-URI", "/b", "X-Real-IP", "203.0.113.7", "Authorization", auth);
        assertThat(same.statusCode()).isEqualTo(200);
        HttpResponse<String> other = server.get(server.url("/v1/forward-auth?realm=bound.example.com"),
                "X-Original-URI", "/b", "X-Forwarded-For", "198.51.100.1", "Authorization",
                auth.replace("nc=00000001", "nc=00000002"));
        assertThat(other.statusCode()).isEqualTo(401);
        assertThat(other.body()).contains("invalid_nonce");
    }

    @Test
    void invalidQueryParametersAreApiErrors() throws Exception {
        assertThat(server.get(server.url("/v1/forward-auth?realm=nowhere")).statusCode()).isEqualTo(400);
        assertThat(server.get(server.url("/v1/forward-auth?role=boss")).statusCode()).isEqualTo(400);
    }

    @Test
    void forgedIdentityHeadersAreNotEchoed() throws Exception {
        HttpResponse<String> r = server.get(server.url("/v1/forward-auth?realm=md5.example.com"),
                "X-Authd-User", "admin");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("X-Authd-User")).isEmpty();
    }

    @Test
    void identityHeaderValuesAreSafeForAnyUsername() {
        assertThat(ForwardAuth.headerSafe("alice")).isEqualTo("alice");
        assertThat(ForwardAuth.headerSafe("Jäsøn Doe")).isEqualTo("J%C3%A4s%C3%B8n Doe");
        assertThat(ForwardAuth.headerSafe("evil\r\nX-Admin: 1")).isEqualTo("evil%0D%0AX-Admin: 1");
        assertThat(ForwardAuth.headerSafe("100%")).isEqualTo("100%25");
    }
}
