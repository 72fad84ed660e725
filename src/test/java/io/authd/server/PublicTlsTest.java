package io.authd.server;

import io.authd.testing.MutableClock;
import io.authd.testing.Poll;
import io.authd.testing.Processes;
import io.authd.testing.TestCertificates;
import io.authd.testing.TestKeys;
import io.authd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** TLS on the public port from PEM files made at test time, driven by curl over HTTP/1.1 and h2 (ALPN). */
class PublicTlsTest {
    private static final String PLAIN_PUBLIC = "public: { host: 127.0.0.1, port: 0 }";

    @Test
    void digestVerifiesOverHttpsWithHttp11AndH2(@TempDir Path dir) throws Exception {
        TestCertificates certs = TestCertificates.ca(dir);
        certs.server("server", 1001);
        try (TestServer server = start(dir, "clientAuth: none")) {
            for (String version : List.of("--http1.1", "--http2")) {
                Processes.Result r = curl(certs, server, version);
                assertThat(r.exitCode()).as(r.stderr()).isZero();
                assertThat(r.stdout()).as(version).isEqualTo(version.equals("--http2") ? "200 2" : "200 1.1");
            }
            // The management port stays plain HTTP.
            assertThat(server.get(server.managementUrl("/health/live")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void replacedCertificateFilesAreServedToNewConnections(@TempDir Path dir) throws Exception {
        TestCertificates certs = TestCertificates.ca(dir);
        certs.server("server", 1001);
        certs.server("renewed", 2002);
        try (TestServer server = start(dir, "clientAuth: none")) {
            assertThat(certs.servedSerial(server.port())).isEqualTo(BigInteger.valueOf(1001));

            certs.install("renewed", "server");

            Poll.until(Duration.ofSeconds(10), "the renewed certificate (serial 2002) is served",
                    () -> serial(certs, server).equals(BigInteger.valueOf(2002)));
            Processes.Result r = curl(certs, server, "--http2");
            assertThat(r.stdout()).as(r.stderr()).isEqualTo("200 2");
        }
    }

    @Test
    void requiredClientCertificateRefusesCallersWithoutOneAndAcceptsOneTheCaSigned(@TempDir Path dir) throws Exception {
        TestCertificates certs = TestCertificates.ca(dir);
        certs.server("server", 1001);
        certs.client("caller", 3003);
        String mtls = "clientCaFile: ca.crt, clientAuth: require";
        try (TestServer server = start(dir, mtls)) {
            Processes.Result without = curl(certs, server, "--http1.1");
            Processes.Result with = curl(certs, server, "--http1.1", "--cert", dir.resolve("caller.crt").toString(),
                    "--key", dir.resolve("caller.key").toString());

            assertThat(without.exitCode()).as("curl without a client certificate: " + without.stdout()).isNotZero();
            assertThat(with.exitCode()).as(with.stderr()).isZero();
            assertThat(with.stdout()).isEqualTo("200 1.1");
        }
    }

    private static TestServer start(Path dir, String tlsKeys) throws Exception {
        String tls = "public: { host: 127.0.0.1, port: 0, tls: { certFile: server.crt, keyFile: server.key, "
                + "reloadInterval: 100ms, " + tlsKeys + " } }";
        return TestServer.startWith(dir, TestKeys.ring(1), MutableClock.at("2026-11-23T10:00:00Z"),
                TestServer.CONFIG.replace(PLAIN_PUBLIC, tls));
    }

    /** curl --digest as alice through forward-auth over HTTPS; prints "status http-version". */
    private static Processes.Result curl(TestCertificates certs, TestServer server, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Processes.require("curl"), "-s", "-o", "/dev/null",
                "-w", "%{http_code} %{http_version}", "--cacert", certs.ca().toString(), "--digest", "-u", "alice:wonderland"));
        command.addAll(List.of(options));
        command.add("https://127.0.0.1:" + server.port() + "/v1/forward-auth?realm=example.com");
        return Processes.run(command);
    }

    private static BigInteger serial(TestCertificates certs, TestServer server) {
        try {
            return certs.servedSerial(server.port());
        } catch (Exception e) {
            return BigInteger.ZERO;
        }
    }
}
