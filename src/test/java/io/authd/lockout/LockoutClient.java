package io.authd.lockout;

import io.authd.testing.ClientDigest;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonObject;

/** Verifies one Digest answer against a {@link TestServer} through the JSON API, from a given client address. */
final class LockoutClient {
    static final String HTTP_REALM = "sha256.example.com";
    static final String SIP_REALM = "sip.example.com";

    private LockoutClient() {
    }

    /** A fresh challenge answered for {@code user}/{@code password}, as an HTTP GET of /x. */
    static JsonObject http(TestServer server, String user, String password, String address) throws Exception {
        return attempt(server, new JsonObject().put("protocol", "http").put("method", "GET").put("uri", "/x")
                .put("realm", HTTP_REALM), user, password, address);
    }

    /** A fresh challenge answered for {@code user}/{@code password}, as a SIP REGISTER. */
    static JsonObject sip(TestServer server, String user, String password, String address) throws Exception {
        return attempt(server, new JsonObject().put("protocol", "sip").put("method", "REGISTER")
                .put("uri", "sip:sip.example.com").put("realm", SIP_REALM), user, password, address);
    }

    private static JsonObject attempt(TestServer server, JsonObject request, String user, String password,
                                      String address) throws Exception {
        request.put("clientAddress", address);
        String challenge = TestServer.headers(server.decision("/v1/challenge", request), "WWW-Authenticate").get(0);
        String authorization = ClientDigest.authorization(challenge, user, password, request.getString("method"),
                request.getString("uri"), "00000001", "c1", "auth", null);
        return server.decision("/v1/verify", request.copy().put("authorization", authorization));
    }
}
