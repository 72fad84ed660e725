package io.authd.limits;

import io.authd.testing.MutableClock;
import io.authd.testing.Poll;
import io.authd.testing.TestKeys;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/** The public port's abuse limits: per-caller rate, the idle timeout, and the hard input limits. */
class AbuseLimitsEndToEndTest {
    private static final String VERIFY = "{\"method\":\"GET\",\"uri\":\"/\"}";

    @TempDir
    Path dir;

    @Test
    void callerOverItsRateIsAnswered429WithRetryAfter() throws Exception {
        try (TestServer server = start("limits:\n  requestsPerSecond: 1\n  burst: 3\n")) {
            HttpResponse<String> refused = null;
            for (int i = 0; i < 30 && refused == null; i++) {
                HttpResponse<String> r = server.post("/v1/verify", VERIFY);
                refused = r.statusCode() == 429 ? r : null;
            }

            assertThat(refused).as("a request refused within 30 at 1/s with a burst of 3").isNotNull();
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(new JsonObject(refused.body()).getJsonObject("error").getString("code")).isEqualTo("rate_limited");
        }
    }

    @Test
    void clientThatStallsInTheMiddleOfItsRequestHeadIsDisconnected() throws Exception {
        try (TestServer server = start("limits:\n  idleTimeout: 300ms\n");
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(100);
            socket.getOutputStream().write("POST /v1/verify HTTP/1.1\r\nHost: authd\r\nX-Half: "
                    .getBytes(StandardCharsets.US_ASCII));

            Poll.until(Duration.ofSeconds(20), "the server closes the connection", () -> closedByServer(socket));
        }
    }

    @Test
    void busyConnectionIsKeptAcrossRequests() throws Exception {
        try (TestServer server = start("limits:\n  idleTimeout: 1s\n");
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            for (int i = 0; i < 5; i++) {
                assertThat(exchange(socket)).startsWith("HTTP/1.1 200");
                Thread.sleep(400); // each gap well inside the idle timeout, together past it
            }
        }
    }

    @Test
    void moreThanSixtyFourAuthorizationValuesAreRefused() throws Exception {
        try (TestServer server = start("")) {
            String values = String.join(",", Collections.nCopies(65, "\"Digest username=\\\"a\\\"\""));
            HttpResponse<String> r = server.post("/v1/verify",
                    "{\"method\":\"GET\",\"uri\":\"/\",\"authorization\":[" + values + "]}");

            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code")).isEqualTo("invalid_field");
        }
    }

    @Test
    void overlongRequestLineIsRefusedByTheHttpLayer() throws Exception {
        try (TestServer server = start("")) {
            HttpResponse<String> r = server.get(server.url("/v1/forward-auth?x=" + "a".repeat(8192)));

            assertThat(r.statusCode()).isEqualTo(414);
        }
    }

    private TestServer start(String yaml) throws Exception {
        return TestServer.startWith(dir, TestKeys.ring(1), MutableClock.at("2026-11-23T10:00:00Z"),
                TestServer.CONFIG + yaml);
    }

    /** True once the server has closed the connection (end of stream or reset); false while it is open. */
    private static boolean closedByServer(Socket socket) {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String exchange(Socket socket) throws IOException {
        byte[] body = VERIFY.getBytes(StandardCharsets.US_ASCII);
        socket.getOutputStream().write(("POST /v1/verify HTTP/1.1\r\nHost: authd\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body);
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        int length = Integer.parseInt(head.toString().replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
        in.readNBytes(length);
        return head.toString();
    }
}
