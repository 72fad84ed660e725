package io.authd.api.grpc;

import io.authd.api.grpc.v1.ChallengeRequest;
import io.authd.api.grpc.v1.Decision;
import io.authd.api.grpc.v1.Outcome;
import io.authd.testing.MutableClock;
import io.authd.testing.TestCertificates;
import io.authd.testing.TestKeys;
import io.authd.testing.TestServer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.health.v1.HealthCheckRequest;
import io.vertx.grpc.health.v1.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** gRPC over the public port's TLS (h2 by ALPN), with the same certificates as HTTPS (issue 4, "TLS when configured"). */
class GrpcTlsTest {
    private static final String PLAIN_PUBLIC = "public: { host: 127.0.0.1, port: 0 }";

    @Test
    void grpcCallsWorkOverTheSameTlsPortAndCertificatesAsHttps(@TempDir Path dir) throws Exception {
        TestCertificates certs = TestCertificates.ca(dir);
        try (TestServer server = startWithTls(dir, certs);
             GrpcTestClient grpc = new GrpcTestClient(server.port(), new HttpClientOptions().setSsl(true)
                     .setUseAlpn(true).setProtocolVersion(HttpVersion.HTTP_2)
                     .setTrustOptions(new PemTrustOptions().addCertPath(certs.ca().toString())))) {

            GrpcTestClient.Reply<HealthCheckResponse> health = grpc.call("grpc.health.v1.Health", "Check",
                    HealthCheckRequest.getDefaultInstance(), HealthCheckResponse.getDefaultInstance());
            GrpcTestClient.Reply<Decision> challenge = grpc.call("authd.v1.Authenticator", "Challenge",
                    ChallengeRequest.newBuilder().setRealm("example.com").build(), Decision.getDefaultInstance());

            assertThat(health.status()).isEqualTo(GrpcStatus.OK);
            assertThat(health.message().getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
            assertThat(challenge.status()).isEqualTo(GrpcStatus.OK);
            assertThat(challenge.message().getOutcome()).isEqualTo(Outcome.challenge);
            assertThat(challenge.message().getHeadersList()).isNotEmpty()
                    .allSatisfy(h -> assertThat(h.getValue()).startsWith("Digest realm=\"example.com\""));
        }
    }

    @Test
    void aPlaintextGrpcClientGetsNoAnswerFromTheTlsPort(@TempDir Path dir) throws Exception {
        try (TestServer server = startWithTls(dir, TestCertificates.ca(dir));
             GrpcTestClient plain = new GrpcTestClient(server.port())) {

            assertThat(catchThrowable(() -> plain.call("grpc.health.v1.Health", "Check",
                    HealthCheckRequest.getDefaultInstance(), HealthCheckResponse.getDefaultInstance())))
                    .as("no cleartext gRPC on a TLS port").isNotNull();
        }
    }

    private static TestServer startWithTls(Path dir, TestCertificates certs) throws Exception {
        certs.server("server", 1001);
        String tls = "public: { host: 127.0.0.1, port: 0, tls: { certFile: server.crt, keyFile: server.key } }";
        return TestServer.startWith(dir, TestKeys.ring(1), MutableClock.at("2026-11-23T10:00:00Z"),
                TestServer.CONFIG.replace(PLAIN_PUBLIC, tls));
    }
}
