package io.authd.api.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.authd.admin.AdminToken;
import io.authd.auth.Realms;
import io.authd.config.AdminOptions;
import io.authd.config.RealmOptions;
import io.authd.credentials.CredentialAdmin;
import io.authd.credentials.CredentialInvalidation;
import io.authd.credentials.UserChange;
import io.authd.credentials.UserCredentials;
import io.authd.credentials.UserEntry;
import io.authd.credentials.WriteResult;
import io.authd.digest.HashFunction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** How the admin API answers what a store says: read-only, failed, or changed (and who is told). */
class AdminApiStoreAnswersTest {
    private static final String TOKEN = AdminToken.generate();
    private static final String USERS = "/admin/v1/realms/example.com/users";
    private static final String CREATE = "{\"username\":\"carol\",\"password\":\"pass-word-42\"}";
    private static final UserEntry CAROL = new UserEntry("example.com", "carol", true, Set.of(HashFunction.MD5));

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> invalidated = new ArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void readOnlyStoreRefusesWritesWith409AndItsReason() throws Exception {
        start(Optional.of(new StubAdmin(Future.succeededFuture(new WriteResult.ReadOnly("custom lookup queries")))));

        for (HttpResponse<String> r : List.of(send("POST", USERS, CREATE), send("PATCH", USERS + "/carol", "{\"enabled\":false}"),
                send("DELETE", USERS + "/carol", null))) {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(error(r).getString("code")).isEqualTo("read_only_store");
            assertThat(error(r).getString("message")).endsWith("custom lookup queries");
        }
        assertThat(invalidated).isEmpty();
    }

    @Test
    void storeWithoutAnAdminInterfaceAnswers409OnEveryUserPath() throws Exception {
        start(Optional.empty());

        for (HttpResponse<String> r : List.of(send("GET", USERS, null), send("GET", USERS + "/carol", null),
                send("POST", USERS, CREATE))) {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(error(r).getString("code")).isEqualTo("read_only_store");
        }
    }

    @Test
    void failedStoreIs503WithRetryAfterAndNoDetail() throws Exception {
        start(Optional.of(new StubAdmin(Future.failedFuture(new IOException("db.internal:5432 refused")))));

        for (HttpResponse<String> r : List.of(send("POST", USERS, CREATE), send("GET", USERS, null),
                send("GET", USERS + "/carol", null), send("DELETE", USERS + "/carol", null))) {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("1");
            assertThat(error(r).getString("code")).isEqualTo("store_unavailable");
            assertThat(r.body()).doesNotContain("db.internal");
        }
        assertThat(invalidated).isEmpty();
    }

    @Test
    void everySuccessfulWriteIsAnnouncedAndNothingElseIs() throws Exception {
        StubAdmin store = new StubAdmin(Future.succeededFuture(new WriteResult.Created(CAROL)));
        start(Optional.of(store));

        send("POST", USERS, CREATE);
        store.answer = Future.succeededFuture(new WriteResult.Updated(CAROL));
        send("PATCH", USERS + "/Ca%CC%88rol", "{\"enabled\":false}"); // announced as stored: NFC
        store.answer = Future.succeededFuture(new WriteResult.Deleted());
        send("DELETE", USERS + "/carol", null);
        store.answer = Future.succeededFuture(new WriteResult.NotFound());
        send("DELETE", USERS + "/nobody", null);
        store.answer = Future.succeededFuture(new WriteResult.AlreadyExists());
        send("POST", USERS, CREATE);

        assertThat(invalidated).containsExactly("carol@example.com", "C\u00e4rol@example.com", "carol@example.com");
    }

    @Test
    void logsNameTheUserButNeverThePasswordOrToken() throws Exception {
        start(Optional.of(new StubAdmin(Future.succeededFuture(new WriteResult.Created(CAROL)))));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(AdminUsers.class);
        logger.addAppender(log);
        try {
            send("POST", USERS, CREATE);
        } finally {
            logger.detachAppender(log);
        }

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .contains("carol", "example.com").doesNotContain("pass-word-42", TOKEN);
    }

    private void start(Optional<CredentialAdmin> admin) throws Exception {
        Realms realms = new Realms(List.of(RealmOptions.defaults("example.com")), "example.com");
        Router router = Router.router(vertx);
        router.route(AdminApi.MOUNT).handler(new AdminApi(realms, admin,
                AdminToken.from(new AdminOptions(AdminToken.hash(TOKEN), null)), new Recording()));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json").build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject error(HttpResponse<String> r) {
        return new JsonObject(r.body()).getJsonObject("error");
    }

    private final class Recording implements CredentialInvalidation {
        @Override
        public void invalidate(String realm, String username) {
            invalidated.add(username + "@" + realm);
        }

        @Override
        public void invalidateAll() {
            invalidated.add("*");
        }
    }

    /** Answers every write with {@link #answer}; reads fail when it failed, else find carol. */
    private static final class StubAdmin implements CredentialAdmin {
        volatile Future<WriteResult> answer;

        StubAdmin(Future<WriteResult> answer) {
            this.answer = answer;
        }

        @Override
        public Future<WriteResult> create(UserCredentials user) {
            return answer;
        }

        @Override
        public Future<WriteResult> update(String realm, String username, UserChange change) {
            return answer;
        }

        @Override
        public Future<WriteResult> delete(String realm, String username) {
            return answer;
        }

        @Override
        public Future<Optional<UserEntry>> get(String realm, String username) {
            return answer.map(ignored -> Optional.of(CAROL));
        }

        @Override
        public Future<List<UserEntry>> list(String realm, String after, int limit) {
            return answer.map(ignored -> List.of(CAROL));
        }
    }
}
