package io.authd.server;

import io.authd.testing.Poll;
import io.authd.testing.ServeProcess;
import io.authd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to a real {@code authd serve} process under load from several clients: every request started before
 * the signal gets its correct answer, readiness turns 503 during the drain, new connections are refused after
 * it, and the process exits 0 within drain + timeout.
 */
class GracefulShutdownTest {
    private static final Duration DRAIN = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int CLIENTS = 4;
    private static final String CONFIG = """
            mode: demo
            instances: 2
            listen:
              public: { host: 127.0.0.1, port: 0 }
              management: { host: 127.0.0.1, port: 0 }
            credentials:
              file: credentials.yaml
            shutdown:
              drain: 2s
              timeout: 5s
            """;

    /** One request: when it started, relative to the signal, and whether its answer was right. */
    private record Outcome(long startedNanos, boolean correct, String detail) {
    }

    @Test
    void sigtermUnderLoadFailsNoRequestStartedBeforeItAndExitsZeroWithinTheGracePeriod(@TempDir Path dir)
            throws Exception {
        TestServer.writeCredentials(dir.resolve("credentials.yaml"));
        try (ServeProcess serve = ServeProcess.start(dir, CONFIG);
             ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1)) {
            ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<?>> clients = IntStream.range(0, CLIENTS)
                    .<Future<?>>mapToObj(i -> pool.submit(() -> load(serve.port, outcomes, stop))).toList();
            SlowRequest slow = SlowRequest.open(serve.port);
            Poll.until(Duration.ofSeconds(10), "load is flowing", () -> outcomes.size() > 200);

            long signalled = System.nanoTime();
            serve.process.destroy(); // SIGTERM
            boolean sawNotReady = pollReadiness(serve.managementPort);
            // The slow request's body is still arriving when the listener closes at the end of the drain.
            Future<String> slowAnswer = pool.submit(() -> slow.finishAfter(DRAIN.plusMillis(500)));
            boolean exited = serve.process.waitFor(DRAIN.plus(TIMEOUT).plusSeconds(3).toMillis(), TimeUnit.MILLISECONDS);
            stop.set(true);
            for (Future<?> c : clients) {
                c.get(10, TimeUnit.SECONDS);
            }

            List<Outcome> before = outcomes.stream().filter(o -> o.startedNanos() < signalled).toList();
            List<Outcome> during = outcomes.stream().filter(o -> o.startedNanos() >= signalled && o.correct()).toList();
            assertThat(exited).as("exited within drain + timeout; log:\n" + serve.output()).isTrue();
            assertThat(serve.process.exitValue()).as(serve.output()).isZero();
            assertThat(before).isNotEmpty();
            assertThat(before).filteredOn(o -> !o.correct()).as("failed requests started before SIGTERM").isEmpty();
            assertThat(during).as("requests served during the drain").isNotEmpty();
            assertThat(outcomes).as("new connections refused once the drain is over")
                    .anyMatch(o -> o.startedNanos() >= signalled && o.detail().contains("ConnectException"));
            assertThat(sawNotReady).as("readiness answered 503 shutting_down during the drain").isTrue();
            assertThat(slowAnswer.get(10, TimeUnit.SECONDS)).startsWith("HTTP/1.1 200")
                    .containsIgnoringCase("connection: close").contains("\"outcome\":\"challenge\"");
            assertThat(serve.output()).contains("shutting down").contains("stopped");
        }
    }

    /** Sends challenges until told to stop or until the server refuses connections (the drain is over). */
    private static void load(int port, ConcurrentLinkedQueue<Outcome> outcomes, AtomicBoolean stop) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/challenge"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"protocol\":\"sip\"}")).build();
        while (!stop.get()) {
            long started = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                outcomes.add(new Outcome(started, r.statusCode() == 200 && r.body().contains("\"outcome\":\"challenge\""),
                        r.statusCode() + " " + r.body()));
            } catch (IOException e) {
                outcomes.add(new Outcome(started, false, e.toString()));
                if (e instanceof java.net.ConnectException) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Polls readiness until it is 503 with the shutdown reason (true) or the port is gone (false). */
    private static boolean pollReadiness(int managementPort) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready")).build();
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 503 && r.body().contains("shutting_down")) {
                    return true;
                }
            } catch (IOException e) {
                return false;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** An HTTP/1.1 request whose body the client sends in two halves, with a pause between them. */
    private record SlowRequest(Socket socket, byte[] rest) {
        static SlowRequest open(int port) throws IOException {
            byte[] body = "{\"protocol\":\"sip\",\"realm\":\"example.com\"}".getBytes(StandardCharsets.UTF_8);
            Socket socket = new Socket("127.0.0.1", port);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/challenge HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            int half = body.length / 2;
            out.write(body, 0, half);
            out.flush();
            return new SlowRequest(socket, java.util.Arrays.copyOfRange(body, half, body.length));
        }

        String finishAfter(Duration pause) throws IOException, InterruptedException {
            try (socket) {
                Thread.sleep(pause.toMillis());
                socket.getOutputStream().write(rest);
                socket.getOutputStream().flush();
                socket.setSoTimeout(10_000);
                InputStream in = socket.getInputStream();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8); // the server closes: Connection: close
            }
        }
    }
}
