package io.authd.api.http;

import io.authd.testing.ClientDigest;
import io.authd.testing.EndToEndTest;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.authd.testing.TestServer.ADMIN_TOKEN;
import static io.authd.testing.TestServer.headers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API on the management port of a real server: its token, its routes, and that what it writes is
 * what the next verification sees. Each test uses users of its own, since the server is shared.
 */
class AdminApiTest extends EndToEndTest {
    private static final String USERS = "/admin/v1/realms/example.com/users";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** An HA1 is 32 or 64 lowercase hex digits; no admin answer may hold such a run. */
    private static final String HEX_RUN = "(?s).*[0-9a-f]{32}.*";

    @Test
    void withoutATokenEveryAdminPathIs401WithABearerChallenge() throws Exception {
        for (String path : List.of(USERS, USERS + "/alice", "/admin/v1/realms/nowhere/users", "/admin/elsewhere")) {
            HttpResponse<String> r = send("GET", path, null);

            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).as(path).contains("Bearer realm=\"authd-admin\"");
            assertThat(errorCode(r)).isEqualTo("unauthorized");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Bearer wrong-token", "Bearer ", "Basic YWRtaW46c2VjcmV0", "Bearer " + ADMIN_TOKEN + "x",
            "Digest username=\"admin\"", ADMIN_TOKEN})
    void aWrongTokenGetsTheSameAnswerAsNone(String authorization) throws Exception {
        HttpResponse<String> none = send("GET", USERS, null);
        HttpResponse<String> wrong = send("GET", USERS, null, "Authorization", authorization);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(none.body());
        assertThat(wrong.headers().allValues("WWW-Authenticate")).isEqualTo(none.headers().allValues("WWW-Authenticate"));
    }

    @Test
    void bearerSchemeIsCaseInsensitive() throws Exception {
        assertThat(send("GET", USERS, null, "Authorization", "bearer " + ADMIN_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenHashTheAdminApiIsOffAndSaysHowToTurnItOn(@TempDir Path otherDir) throws Exception {
        try (TestServer off = TestServer.startWithoutAdmin(otherDir)) {
            for (String path : List.of(USERS, "/admin/anything")) {
                HttpResponse<String> r = HTTP.send(request("GET", off.managementUrl(path), null, auth()).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(errorCode(r)).isEqualTo("admin_disabled");
                assertThat(errorMessage(r)).contains("admin.tokenHash");
            }
        }
    }

    @Test
    void usersAreCreatedReadChangedListedAndDeleted() throws Exception {
        HttpResponse<String> created = send("POST", USERS, "{\"username\":\"crud\",\"password\":\"pw1\"}", auth());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains(USERS + "/crud");
        assertThat(new JsonObject(created.body())).isEqualTo(user("example.com", "crud", true, "MD5", "SHA-256", "SHA-512-256"));

        HttpResponse<String> read = send("GET", USERS + "/crud", null, auth());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());

        HttpResponse<String> disabled = send("PATCH", USERS + "/crud", "{\"enabled\":false}", auth());
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(disabled.body()).getBoolean("enabled")).isFalse();

        HttpResponse<String> deleted = send("DELETE", USERS + "/crud", null, auth());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();

        assertThat(errorCode(send("GET", USERS + "/crud", null, auth()))).isEqualTo("user_not_found");
        assertThat(send("DELETE", USERS + "/crud", null, auth()).statusCode()).isEqualTo(404);
        assertThat(send("PATCH", USERS + "/crud", "{\"enabled\":true}", auth()).statusCode()).isEqualTo(404);
    }

    @Test
    void createdUserIsAllowedAtOnceDisabledIsRefusedAndANewPasswordRetiresTheOld() throws Exception {
        send("POST", USERS, "{\"username\":\"dora\",\"password\":\"first\"}", auth());
        assertThat(verify("dora", "first")).as("no reload interval waited").isEqualTo("ok");

        send("PATCH", USERS + "/dora", "{\"enabled\":false}", auth());
        assertThat(verify("dora", "first")).isEqualTo("bad_credentials");

        send("PATCH", USERS + "/dora", "{\"enabled\":true,\"password\":\"second\"}", auth());
        assertThat(verify("dora", "first")).isEqualTo("bad_credentials");
        assertThat(verify("dora", "second")).isEqualTo("ok");

        send("DELETE", USERS + "/dora", null, auth());
        assertThat(verify("dora", "second")).isEqualTo("bad_credentials");
    }

    @Test
    void userCreatedDisabledIsRefused() throws Exception {
        send("POST", USERS, "{\"username\":\"dormant\",\"password\":\"pw\",\"enabled\":false}", auth());

        assertThat(verify("dormant", "pw")).isEqualTo("bad_credentials");
    }

    @Test
    void userGivenAsHa1sAnswersWithThoseHashFunctionsOnly() throws Exception {
        String md5 = ClientDigest.h("MD5", "hash-only:example.com:from-elsewhere");

        HttpResponse<String> created = send("POST", USERS, "{\"username\":\"hash-only\",\"ha1\":{\"md5\":\"" + md5 + "\"}}",
                auth());

        assertThat(new JsonObject(created.body()).getJsonArray("algorithms")).isEqualTo(new JsonArray().add("MD5"));
        assertThat(verify("hash-only", "from-elsewhere", "MD5")).isEqualTo("ok");
    }

    @Test
    void answersNeverHoldAnHa1OrThePassword() throws Exception {
        String password = "do-not-echo-me";
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(send("POST", USERS, "{\"username\":\"quiet\",\"password\":\"" + password + "\"}", auth()));
        answers.add(send("GET", USERS + "/quiet", null, auth()));
        answers.add(send("GET", USERS + "?limit=1000", null, auth()));
        answers.add(send("PATCH", USERS + "/quiet", "{\"password\":\"" + password + "2\"}", auth()));
        answers.add(send("POST", USERS, "{\"username\":\"quiet\",\"password\":\"" + password + "\"}", auth()));
        answers.add(send("POST", USERS, "{\"username\":\"q\",\"ha1\":{\"MD5\":\"" + "A".repeat(32) + "\"}}", auth()));

        List<String> ha1s = List.of(ClientDigest.h("MD5", "quiet:example.com:" + password),
                ClientDigest.h("SHA-256", "quiet:example.com:" + password),
                ClientDigest.h("SHA-512-256", "quiet:example.com:" + password));
        for (HttpResponse<String> r : answers) {
            assertThat(r.body()).doesNotContain(password).doesNotContainIgnoringCase("a".repeat(32))
                    .doesNotMatch(HEX_RUN);
            ha1s.forEach(ha1 -> assertThat(r.body()).doesNotContain(ha1));
        }
    }

    @Test
    void existingUserIsNotOverwritten() throws Exception {
        HttpResponse<String> r = send("POST", USERS, "{\"username\":\"alice\",\"password\":\"taken\"}", auth());

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(errorCode(r)).isEqualTo("user_exists");
        assertThat(verify("alice", "wonderland")).isEqualTo("ok");
    }

    @Test
    void listPagesThroughTheRealmInUsernameOrder() throws Exception {
        String realm = "/admin/v1/realms/bound.example.com/users";
        send("POST", realm, "{\"username\":\"carol\",\"password\":\"pw\"}", auth());

        JsonObject first = new JsonObject(send("GET", realm + "?limit=2", null, auth()).body());
        JsonObject second = new JsonObject(send("GET", realm + "?limit=2&after=" + first.getString("next"), null, auth()).body());

        assertThat(usernames(first)).containsExactly("Jäsøn Doe", "alice");
        assertThat(first.getString("next")).isEqualTo("alice");
        assertThat(usernames(second)).containsExactly("bob", "carol");
        assertThat(second.containsKey("next")).isTrue();
        assertThat(second.getString("next")).isNull();
        assertThat(usernames(new JsonObject(send("GET", realm, null, auth()).body()))).hasSize(4);
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "1001", "-1", "abc", "", "1e3", "99999999999"})
    void limitOutsideOneToAThousandIs400(String limit) throws Exception {
        HttpResponse<String> r = send("GET", USERS + "?limit=" + limit, null, auth());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errorMessage(r)).startsWith("limit:");
    }

    @Test
    void unknownRealmAndUnknownPathAre404() throws Exception {
        HttpResponse<String> realm = send("GET", "/admin/v1/realms/nowhere.example/users", null, auth());
        HttpResponse<String> path = send("GET", "/admin/v1/realms/example.com/groups", null, auth());

        assertThat(realm.statusCode()).isEqualTo(404);
        assertThat(errorCode(realm)).isEqualTo("unknown_realm");
        assertThat(path.statusCode()).isEqualTo(404);
        assertThat(errorCode(path)).isEqualTo("not_found");
    }

    @Test
    void otherMethodsAre405WithAllow() throws Exception {
        HttpResponse<String> put = send("PUT", USERS, "{}", auth());
        HttpResponse<String> post = send("POST", USERS + "/alice", "{}", auth());

        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).contains("GET, POST");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, PATCH, DELETE");
    }

    @Test
    void usernamesWithSlashesPercentAndNonAsciiHaveOnePath() throws Exception {
        String name = "a/b %+ü";
        HttpResponse<String> created = send("POST", USERS, new JsonObject().put("username", name).put("password", "pw").encode(),
                auth());
        String location = created.headers().firstValue("Location").orElseThrow();

        assertThat(location).isEqualTo(USERS + "/a%2Fb%20%25%2B%C3%BC");
        assertThat(new JsonObject(send("GET", location, null, auth()).body()).getString("username")).isEqualTo(name);
        assertThat(send("GET", USERS + "/a%2Fb+%25%2B%C3%BC", null, auth()).statusCode()).as("+ is not a space")
                .isEqualTo(404);
        assertThat(send("DELETE", location, null, auth()).statusCode()).isEqualTo(204);
    }

    @Test
    void decomposedUsernamesInPathsFindTheNfcUser() throws Exception {
        send("POST", USERS, new JsonObject().put("username", "Ju\u0308rgen").put("password", "pw").encode(), auth());

        HttpResponse<String> composed = send("GET", USERS + "/J%C3%BCrgen", null, auth());
        HttpResponse<String> decomposed = send("GET", USERS + "/Ju%CC%88rgen", null, auth());

        assertThat(composed.statusCode()).isEqualTo(200);
        assertThat(decomposed.body()).isEqualTo(composed.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON|hello|invalid_json",
            "JSON array|[1]|invalid_json",
            "trailing garbage|'{\"username\":\"x1\",\"password\":\"p\"} x'|invalid_json",
            "duplicate key|'{\"username\":\"x2\",\"password\":\"p\",\"password\":\"q\"}'|invalid_json",
            "deeply nested value|'{\"username\":\"x3\",\"password\":\"p\",\"ha1\":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]}'|invalid_field",
            "unknown field|'{\"username\":\"x4\",\"password\":\"p\",\"enabeld\":false}'|invalid_field",
            "password and ha1|'{\"username\":\"x5\",\"password\":\"p\",\"ha1\":{\"MD5\":\"0123456789abcdef0123456789abcdef\"}}'|invalid_field",
            "ha1 before password|'{\"username\":\"x5\",\"ha1\":{\"MD5\":\"0123456789abcdef0123456789abcdef\"},\"password\":\"p\"}'|invalid_field",
            "no secret|'{\"username\":\"x6\"}'|missing_field",
            "no username|'{\"password\":\"p\"}'|missing_field",
            "empty password|'{\"username\":\"x7\",\"password\":\"\"}'|invalid_field",
            "password a number|'{\"username\":\"x8\",\"password\":7}'|invalid_field",
            "username null|'{\"username\":null,\"password\":\"p\"}'|invalid_field",
            "enabled a string|'{\"username\":\"x9\",\"password\":\"p\",\"enabled\":\"false\"}'|invalid_field",
            "uppercase HA1|'{\"username\":\"x10\",\"ha1\":{\"MD5\":\"0123456789ABCDEF0123456789ABCDEF\"}}'|invalid_field",
            "short HA1|'{\"username\":\"x11\",\"ha1\":{\"SHA-256\":\"0123456789abcdef0123456789abcdef\"}}'|invalid_field",
            "unknown hash function|'{\"username\":\"x12\",\"ha1\":{\"SHA-1\":\"0123456789abcdef0123456789abcdef01234567\"}}'|invalid_field",
            "hash function twice|'{\"username\":\"x13\",\"ha1\":{\"MD5\":\"0123456789abcdef0123456789abcdef\",\"md5\":\"0123456789abcdef0123456789abcdef\"}}'|invalid_field",
            "empty ha1|'{\"username\":\"x14\",\"ha1\":{}}'|invalid_field",
            "ha1 a string|'{\"username\":\"x15\",\"ha1\":\"0123456789abcdef0123456789abcdef\"}'|invalid_field",
            "quote in username|'{\"username\":\"x\\\"16\",\"password\":\"p\"}'|invalid_field",
            "control character in username|'{\"username\":\"x\\u000017\",\"password\":\"p\"}'|invalid_field",
            "newline in username|'{\"username\":\"x\\n18\",\"password\":\"p\"}'|invalid_field",
            "empty username|'{\"username\":\"\",\"password\":\"p\"}'|invalid_field",
    })
    void badCreateBodiesAre400AndChangeNothing(String name, String body, String code) throws Exception {
        assertRefusedWithoutChange("POST", USERS, body, code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty change|{}|missing_field",
            "username cannot be changed|'{\"username\":\"other\"}'|invalid_field",
            "password and ha1|'{\"password\":\"p\",\"ha1\":{\"MD5\":\"0123456789abcdef0123456789abcdef\"}}'|invalid_field",
            "enabled null|'{\"enabled\":null}'|invalid_field",
            "bad HA1|'{\"ha1\":{\"MD5\":\"xyz\"}}'|invalid_field",
    })
    void badChangeBodiesAre400AndChangeNothing(String name, String body, String code) throws Exception {
        assertRefusedWithoutChange("PATCH", USERS + "/bob", body, code);
        assertThat(verify("bob", "zanzibar")).isEqualTo("ok");
    }

    @Test
    void errorsNeverEchoThePasswordOrHa1Given() throws Exception {
        HttpResponse<String> r = send("POST", USERS, "{\"username\":\"x\",\"password\": secret-value}", auth());
        HttpResponse<String> h = send("POST", USERS, "{\"username\":\"x\",\"ha1\":{\"MD5\":\"" + "F".repeat(32) + "\"}}", auth());

        assertThat(r.body()).doesNotContain("secret-value");
        assertThat(h.body()).doesNotContain("F".repeat(32));
    }

    @Test
    void hugeUsernameIs400AndHugeBodyIs413() throws Exception {
        String before = allUsers();

        HttpResponse<String> longName = send("POST", USERS, "{\"username\":\"" + "u".repeat(10_240) + "\",\"password\":\"p\"}", auth());
        HttpResponse<String> hugeBody = send("POST", USERS, "{\"username\":\"big\",\"password\":\"" + "p".repeat(70_000) + "\"}", auth());

        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(errorMessage(longName)).isEqualTo("username must be at most 1024 characters");
        assertThat(hugeBody.statusCode()).isEqualTo(413);
        assertThat(errorCode(hugeBody)).isEqualTo("payload_too_large");
        assertThat(allUsers()).isEqualTo(before);
    }

    @Test
    void hugeFieldNamesAreCutInMessages() throws Exception {
        HttpResponse<String> r = send("POST", USERS, "{\"" + "k".repeat(5_000) + "\":1}", auth());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errorMessage(r)).hasSizeLessThan(200);
    }

    @Test
    void bodiesMustBeDeclaredAsJson() throws Exception {
        String body = "{\"username\":\"typed\",\"password\":\"p\"}";
        HttpResponse<String> none = send("POST", USERS, body, "Authorization", "Bearer " + ADMIN_TOKEN);
        HttpResponse<String> text = send("POST", USERS, body, "Authorization", "Bearer " + ADMIN_TOKEN,
                "Content-Type", "text/plain");
        HttpResponse<String> withCharset = send("POST", USERS, body, "Authorization", "Bearer " + ADMIN_TOKEN,
                "Content-Type", "Application/JSON; charset=utf-8");

        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(errorCode(text)).isEqualTo("unsupported_media_type");
        assertThat(withCharset.statusCode()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "control character|al%00ice|invalid_field",
            "quote|al%22ice|invalid_field",
            "broken escape|al%zzice|invalid_field",
            "truncated escape|alice%4|invalid_field",
            "not UTF-8|al%C3%28ice|invalid_field",
            "empty|''|invalid_field",
    })
    void hostileUsernamesInPathsAre400(String name, String segment, String code) throws Exception {
        Raw r = raw("GET", USERS + "/" + segment);

        assertThat(r.status()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code")).isEqualTo(code);
    }

    @Test
    void overlongUsernameInAPathIs400() throws Exception {
        HttpResponse<String> r = send("GET", USERS + "/" + "u".repeat(2_000), null, auth());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errorMessage(r)).isEqualTo("username must be at most 1024 characters");
    }

    @Test
    void adminApiIsNotOnThePublicPort() throws Exception {
        HttpResponse<String> r = HTTP.send(request("GET", server.url(USERS), null, auth()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void writesReachTheCredentialsFileAndNeverAPassword() throws Exception {
        send("POST", USERS, "{\"username\":\"filed\",\"password\":\"file-secret\"}", auth());

        assertThat(Files.readString(dir.resolve("credentials.yaml"))).contains("filed:").doesNotContain("file-secret");
    }

    @Test
    void openApiDocumentDescribesTheAdminApiAndItsCodes() throws Exception {
        String openApi = server.get(server.url(PublicApi.OPENAPI_PATH)).body();

        assertThat(openApi).contains("/admin/v1/realms/{realm}/users:", "/admin/v1/realms/{realm}/users/{username}:",
                "tags: [admin]", "scheme: bearer");
        for (String code : List.of("unauthorized", "admin_disabled", "unknown_realm", "user_not_found", "user_exists",
                "read_only_store", "unsupported_media_type", "store_unavailable", "payload_too_large")) {
            assertThat(openApi).contains(code);
        }
    }

    // --- helpers ---

    private static void assertRefusedWithoutChange(String method, String path, String body, String code) throws Exception {
        String before = allUsers();

        HttpResponse<String> r = send(method, path, body, auth());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errorCode(r)).isEqualTo(code);
        assertThat(errorMessage(r)).isNotBlank();
        assertThat(allUsers()).isEqualTo(before);
    }

    private static String[] auth() {
        return new String[] {"Authorization", "Bearer " + ADMIN_TOKEN, "Content-Type", "application/json"};
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpResponse<String> r = HTTP.send(request(method, server.managementUrl(path), body, headers).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).as("no answer holds an HA1").doesNotMatch(HEX_RUN);
        return r;
    }

    private static HttpRequest.Builder request(String method, String url, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return headers.length == 0 ? b : b.headers(headers);
    }

    /** A request written by hand, for paths that java.net.URI refuses to build. */
    private static Raw raw(String method, String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.managementPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_TOKEN
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            return new Raw(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

    private record Raw(int status, String body) {
    }

    private static String allUsers() throws Exception {
        return send("GET", USERS + "?limit=1000", null, auth()).body();
    }

    private static List<String> usernames(JsonObject page) {
        return page.getJsonArray("users").stream().map(u -> ((JsonObject) u).getString("username")).toList();
    }

    private static JsonObject user(String realm, String username, boolean enabled, String... algorithms) {
        return new JsonObject().put("realm", realm).put("username", username).put("enabled", enabled)
                .put("algorithms", new JsonArray(List.of((Object[]) algorithms)));
    }

    private static String errorCode(HttpResponse<String> r) {
        return new JsonObject(r.body()).getJsonObject("error").getString("code");
    }

    private static String errorMessage(HttpResponse<String> r) {
        return new JsonObject(r.body()).getJsonObject("error").getString("message");
    }

    private static String verify(String user, String password) throws Exception {
        return verify(user, password, "SHA-256");
    }

    /** Challenge in example.com with {@code algorithm}, answer as a client, verify: the Decision's reason. */
    private static String verify(String user, String password, String algorithm) throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "/admin-test").put("realm", "example.com")
                .put("algorithms", new JsonArray().add(algorithm));
        String header = headers(server.decision("/v1/challenge", req), "WWW-Authenticate").get(0);
        String authorization = ClientDigest.authorization(header, user, password, "GET", "/admin-test", "00000001",
                "c0ffee", "auth", null);
        return server.decision("/v1/verify", req.put("authorization", authorization)).getString("reason");
    }
}
