package io.authd.testing;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Calls a {@link TestServer}'s admin API with its token, as an operator's script would. */
public final class AdminClient {
    private final TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    public AdminClient(TestServer server) {
        this.server = server;
    }

    public HttpResponse<String> createUser(String realm, String username, String password)
            throws IOException, InterruptedException {
        return send("POST", usersPath(realm), new JsonObject().put("username", username).put("password", password));
    }

    public HttpResponse<String> changeUser(String realm, String username, JsonObject change)
            throws IOException, InterruptedException {
        return send("PATCH", usersPath(realm) + "/" + segment(username), change);
    }

    public HttpResponse<String> deleteUser(String realm, String username) throws IOException, InterruptedException {
        return send("DELETE", usersPath(realm) + "/" + segment(username), null);
    }

    /** POST /apikeys: the answer holds the whole key, shown only there. */
    public HttpResponse<String> createApiKey(String realm, JsonObject body) throws IOException, InterruptedException {
        return send("POST", apiKeysPath(realm), body);
    }

    public HttpResponse<String> listApiKeys(String realm) throws IOException, InterruptedException {
        return send("GET", apiKeysPath(realm), null);
    }

    public HttpResponse<String> revokeApiKey(String realm, String id) throws IOException, InterruptedException {
        return send("DELETE", apiKeysPath(realm) + "/" + segment(id), null);
    }

    private HttpResponse<String> send(String method, String path, JsonObject body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.managementUrl(path)))
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String apiKeysPath(String realm) {
        return "/admin/v1/realms/" + segment(realm) + "/apikeys";
    }

    private static String usersPath(String realm) {
        return "/admin/v1/realms/" + segment(realm) + "/users";
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
