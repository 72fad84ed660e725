package io.authd.lockout;

import io.authd.testing.ClientDigest;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Measures, not asserts (a wall-clock assertion would fail on a loaded machine): how long POST /v1/verify takes for
 * a wrong password of a known user and for an unknown user, on the normal path (counted, never locked) and on the
 * lockout path (both locked). Requests alternate known/unknown (order swapped every pair), so drift and noise hit
 * both alike; each pair's difference is kept, and the report gives the medians, the mean difference and its 95%
 * bootstrap interval. SECURITY.md records a run. Run:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.authd.lockout.EnumerationTiming [pairs]
 * </pre>
 */
public final class EnumerationTiming {
    private static final int WARMUP_PAIRS = 5_000;

    private EnumerationTiming() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        measure("normal path (wrong password vs unknown user)", 1_000_000_000, pairs);
        measure("lockout path (both locked out)", 1, pairs);
        System.exit(0);
    }

    private static void measure(String title, int threshold, int pairs) throws Exception {
        Path dir = Files.createTempDirectory("authd-timing");
        String config = TestServer.CONFIG + "lockout:\n  userThreshold: " + threshold + "\n  addressThreshold: 0\n";
        try (TestServer server = TestServer.startWith(dir, TestKeys.ring(1), MutableClock.at("2026-11-23T10:00:00Z"),
                config)) {
            String known = wrongAnswer(server, "alice");
            String unknown = wrongAnswer(server, "mallory");
            run(server, known, unknown, WARMUP_PAIRS);
            long[][] samples = run(server, known, unknown, pairs);
            report(title, samples[0], samples[1]);
        }
    }

    /** A verify request with a wrong response; the same body can be sent again (nothing is recorded for it). */
    private static String wrongAnswer(TestServer server, String user) throws Exception {
        JsonObject request = new JsonObject().put("protocol", "http").put("method", "GET").put("uri", "/x")
                .put("realm", LockoutClient.HTTP_REALM).put("clientAddress", "203.0.113.1");
        String challenge = TestServer.headers(server.decision("/v1/challenge", request), "WWW-Authenticate").get(0);
        return request.put("authorization", ClientDigest.authorization(challenge, user, "not-the-password", "GET", "/x",
                "00000001", "c1", "auth", null)).encode();
    }

    private static long[][] run(TestServer server, String known, String unknown, int pairs) throws Exception {
        long[] k = new long[pairs];
        long[] u = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            if (i % 2 == 0) {
                k[i] = time(server, known);
                u[i] = time(server, unknown);
            } else {
                u[i] = time(server, unknown);
                k[i] = time(server, known);
            }
        }
        return new long[][]{k, u};
    }

    private static long time(TestServer server, String body) throws Exception {
        long start = System.nanoTime();
        server.post("/v1/verify", body);
        return System.nanoTime() - start;
    }

    private static void report(String title, long[] known, long[] unknown) {
        int n = known.length;
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = unknown[i] - known[i];
        }
        double mean = Arrays.stream(diff).average().orElseThrow();
        double[] boot = new double[2000];
        Random random = new Random(1);
        for (int b = 0; b < boot.length; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += diff[random.nextInt(n)];
            }
            boot[b] = sum / n;
        }
        Arrays.sort(boot);
        System.out.printf(Locale.ROOT, "%s, %d pairs:%n  median known-user wrong password %.1f us, unknown user %.1f us"
                        + "%n  mean(unknown - known) %.2f us, 95%% CI [%.2f, %.2f] us; median of pair differences %.2f us%n",
                title, n, median(known) / 1e3, median(unknown) / 1e3, mean / 1e3, boot[49] / 1e3, boot[1949] / 1e3,
                medianOf(diff) / 1e3);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double medianOf(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
