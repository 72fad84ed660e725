package io.authd.api.grpc;

import io.authd.api.grpc.v1.Decision;
import io.authd.api.grpc.v1.VerifyRequest;
import io.authd.config.AuthdOptions;
import io.authd.config.ConfigLoader;
import io.authd.credentials.CredentialStore;
import io.authd.credentials.UserCredentials;
import io.authd.digest.HashFunction;
import io.authd.server.AuthdServer;
import io.authd.testing.ClientDigest;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import io.authd.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.health.v1.HealthCheckRequest;
import io.vertx.grpc.health.v1.HealthCheckResponse;
import io.vertx.grpc.reflection.v1.ServerReflectionRequest;
import io.vertx.grpc.reflection.v1.ServerReflectionResponse;
import io.vertx.grpc.reflection.v1.ServiceResponse;
import com.google.protobuf.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public port as a whole: gRPC health and reflection, deadlines, the message size limit, and JSON over
 * HTTP/1.1 and h2c beside gRPC. The server reads its users from a store the test controls, so a store can be
 * made unready or slow.
 */
class GrpcPortTest {
    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static AuthdServer server;
    private static GrpcTestClient grpc;
    private static final GatedStore STORE = new GatedStore();

    /** alice/wonderland in example.com; lookups can be held back, and readiness switched off. */
    private static final class GatedStore implements CredentialStore {
        volatile boolean ready = true;
        volatile boolean hold;
        final Queue<Promise<Optional<UserCredentials>>> held = new ConcurrentLinkedQueue<>();

        @Override
        public Future<Optional<UserCredentials>> findByUsername(String realm, String username) {
            Optional<UserCredentials> user = username.equals("alice") ? Optional.of(new UserCredentials(realm, "alice",
                    Map.of(HashFunction.MD5, ClientDigest.h("MD5", "alice:" + realm + ":wonderland")), true))
                    : Optional.empty();
            if (!hold) {
                return Future.succeededFuture(user);
            }
            Promise<Optional<UserCredentials>> p = Promise.promise();
            held.add(p);
            return p.future().map(v -> user);
        }

        @Override
        public Future<Optional<UserCredentials>> findByUserhash(String realm, HashFunction hash, String userhash) {
            return Future.succeededFuture(Optional.empty());
        }

        @Override
        public boolean ready() {
            return ready;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("authd.yaml"), TestServer.CONFIG);
        AuthdOptions options = ConfigLoader.load(dir.resolve("authd.yaml"), Map.of());
        vertx = Vertx.vertx();
        server = AuthdServer.builder(options).clock(MutableClock.at("2026-11-23T10:00:00Z")).keyRing(TestKeys.ring(1))
                .credentialStore(STORE).start(vertx).await(20, TimeUnit.SECONDS);
        grpc = new GrpcTestClient(server.publicPort());
    }

    @AfterAll
    static void stop() throws Exception {
        grpc.close();
        server.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static GrpcStatus healthOf(String service, HealthCheckResponse.ServingStatus expected) throws Exception {
        GrpcTestClient.Reply<HealthCheckResponse> r = grpc.call("grpc.health.v1.Health", "Check",
                HealthCheckRequest.newBuilder().setService(service).build(), HealthCheckResponse.getDefaultInstance());
        if (r.status() == GrpcStatus.OK) {
            assertThat(r.message().getStatus()).as(service).isEqualTo(expected);
        }
        return r.status();
    }

    @Test
    void healthFollowsReadinessForTheServerAndItsServices() throws Exception {
        for (String s : new String[]{"", "authd.v1.Authenticator", "envoy.service.auth.v3.Authorization"}) {
            assertThat(healthOf(s, HealthCheckResponse.ServingStatus.SERVING)).isEqualTo(GrpcStatus.OK);
        }
        STORE.ready = false;
        try {
            for (String s : new String[]{"", "authd.v1.Authenticator", "envoy.service.auth.v3.Authorization"}) {
                assertThat(healthOf(s, HealthCheckResponse.ServingStatus.NOT_SERVING)).isEqualTo(GrpcStatus.OK);
            }
        } finally {
            STORE.ready = true;
        }
        assertThat(healthOf("no.such.Service", null)).isEqualTo(GrpcStatus.NOT_FOUND);
    }

    @Test
    void reflectionListsEveryService() throws Exception {
        GrpcTestClient.Reply<ServerReflectionResponse> r = grpc.call("grpc.reflection.v1.ServerReflection",
                "ServerReflectionInfo", ServerReflectionRequest.newBuilder().setListServices("*").build(),
                ServerReflectionResponse.getDefaultInstance());

        assertThat(r.status()).isEqualTo(GrpcStatus.OK);
        assertThat(r.message().getListServicesResponse().getServiceList()).map(ServiceResponse::getName)
                .contains("authd.v1.Authenticator", "envoy.service.auth.v3.Authorization", "grpc.health.v1.Health");
    }

    @Test
    void aVerificationThatOutlivesItsDeadlineIsDeadlineExceededNeverAllow() throws Exception {
        String challenge = grpc.<io.authd.api.grpc.v1.ChallengeRequest, Decision>call("authd.v1.Authenticator",
                "Challenge", io.authd.api.grpc.v1.ChallengeRequest.newBuilder().setRealm("md5.example.com").build(),
                Decision.getDefaultInstance()).message().getHeaders(0).getValue();
        VerifyRequest verify = VerifyRequest.newBuilder().setMethod("GET").setUri("/").setRealm("md5.example.com")
                .addAuthorization(ClientDigest.authorization(challenge, "alice", "wonderland", "GET", "/", "00000001",
                        "abc", "auth", null)).build();
        STORE.hold = true;
        GrpcTestClient.Reply<Decision> r;
        try {
            r = grpc.call("authd.v1.Authenticator", "Verify", verify, Decision.getDefaultInstance(), 200);
        } finally {
            STORE.hold = false;
            STORE.held.forEach(p -> p.complete(Optional.empty()));
        }
        assertThat(r.status()).isEqualTo(GrpcStatus.DEADLINE_EXCEEDED);
        assertThat(r.message()).isNull();
    }

    @Test
    void aMessageOverTheSizeLimitIsRefused() throws Exception {
        VerifyRequest huge = VerifyRequest.newBuilder().setMethod("POST").setUri("/")
                .setBody(ByteString.copyFrom(new byte[GrpcApi.MAX_MESSAGE_BYTES + 1])).build();

        GrpcTestClient.Reply<Decision> r = grpc.call("authd.v1.Authenticator", "Verify", huge,
                Decision.getDefaultInstance());
        assertThat(r.status()).isEqualTo(GrpcStatus.RESOURCE_EXHAUSTED);
        assertThat(r.message()).isNull();
    }

    @Test
    void jsonStillAnswersOverHttp11AndH2cOnTheGrpcPort() throws Exception {
        for (HttpVersion version : new HttpVersion[]{HttpVersion.HTTP_1_1, HttpVersion.HTTP_2}) {
            var client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(version)
                    .setHttp2ClearTextUpgrade(false));
            try {
                var resp = client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                                .setPort(server.publicPort()).setURI("/v1/challenge"))
                        .compose(req -> req.putHeader("Content-Type", "application/json")
                                .send(Buffer.buffer("{\"realm\":\"md5.example.com\"}")))
                        .compose(res -> res.body().map(body -> Map.entry(res.version(), body)))
                        .await(10, TimeUnit.SECONDS);
                assertThat(resp.getKey()).isEqualTo(version);
                assertThat(new JsonObject(resp.getValue()).getString("reason")).isEqualTo("missing_credentials");
            } finally {
                client.close().await(10, TimeUnit.SECONDS);
            }
        }
    }
}
