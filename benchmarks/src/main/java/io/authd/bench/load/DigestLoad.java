package io.authd.bench.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnectOptions;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A closed-loop Digest load driver for authd: a fixed number of requests in flight, every answer checked. The
 * transport is the JSON API over HTTP/1.1 (N keep-alive connections, one request in flight on each), the JSON API
 * over h2c, or authd.v1.Authenticator over gRPC (few HTTP/2 connections, many streams on each); the per-request
 * Digest work is the same for all three, so their figures compare.
 *
 * <pre>
 * java -cp benchmarks/target/authd-benchmarks.jar io.authd.bench.load.DigestLoad \
 *     --url http://127.0.0.1:8080 --connections 64 --users-file users.txt --realm example.com \
 *     --algorithm MD5 --warmup 5s --duration 15s --protocol http [--transport grpc --connections 2 --streams 32]
 * </pre>
 *
 * <p>It is an independent Digest client (RFC 7616 §3.4.1), sharing no code with authd, so a run also cross-checks
 * the server: every answer must be {@code allow} for the right user, with an {@code rspauth} the driver can
 * reproduce (sampled). {@code stale_nonce} is answered with the fresh nonce and counted apart; anything else is an
 * error, and the run exits 1 after printing the first few error answers.
 *
 * <p>Phases: connect; fetch a nonce for every (loop, user) with a challenge call (not timed); warm-up;
 * measurement. Only verify answers completing inside the measurement window are counted and their
 * latencies recorded (HdrHistogram, µs). Output: one JSON line on stdout, one human line on stderr.
 */
public final class DigestLoad {
    private DigestLoad() {
    }

    public static void main(String[] args) {
        LoadOptions options;
        Users users;
        try {
            options = LoadOptions.parse(args);
            users = Users.load(options);
        } catch (LoadOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("DigestLoad: " + e.getMessage());
            }
            System.err.print(LoadOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        int status;
        try {
            status = run(options, users);
        } catch (Exception e) {
            System.err.println("DigestLoad: " + e);
            status = 1;
        }
        System.exit(status);
    }

    private static int run(LoadOptions o, Users users) throws Exception {
        // Few threads on purpose: the driver shares the machine with the server it measures.
        Vertx vertx = Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(o.threads())
                .setWorkerPoolSize(1).setInternalBlockingPoolSize(1)).build();
        try {
            HttpClientAgent client = vertx.httpClientBuilder().with(new HttpClientOptions()
                    .setProtocolVersion(o.transport().version()).setHttp2ClearTextUpgrade(false)
                    .setKeepAlive(true).setTcpNoDelay(true)).build();
            RunState run = new RunState(o.maxErrorsShown());
            // A new context per connection, spread over the event loops, so each connection has one thread.
            List<Context> contexts = new ArrayList<>();
            for (int c = 0; c < o.connections(); c++) {
                contexts.add(vertx.getOrCreateContext());
            }
            List<HttpClientConnection> connections = await(Future.all(contexts.stream()
                    .map(context -> connect(client, context, o)).toList()), Duration.ofSeconds(30),
                    "connecting to " + o.url()).list();
            Wire wire = o.transport().wire(o, users);
            List<ClosedLoop> loops = new ArrayList<>();
            for (int c = 0; c < o.connections(); c++) {
                for (int s = 0; s < o.streams(); s++) {
                    loops.add(new ClosedLoop(c * o.streams() + s, contexts.get(c), connections.get(c), wire, o, users,
                            run));
                }
            }

            long t = System.nanoTime();
            // Generous: ~1 ms per challenge on a loaded single core, plus slack.
            await(Future.all(loops.stream().map(ClosedLoop::prefetch).toList()),
                    Duration.ofSeconds(60 + (long) users.size() * o.connections() / 1000), "fetching nonces");
            long challenges = loops.stream().mapToLong(l -> l.challenges).sum();
            System.err.printf(Locale.ROOT, "%s: %s, %d connections x %d streams, %d users, %d nonces fetched in %.1f s%n",
                    o.label(), o.transport(), o.connections(), o.streams(), users.size(), challenges,
                    (System.nanoTime() - t) / 1e9);
            if (run.errors() > 0) {
                return report(o, users, loops, run, 0, 0, OptionalLong.empty(), OptionalLong.empty(), null,
                        Optional.empty());
            }

            long warmupEnd = System.nanoTime() + o.warmup().toNanos();
            long end = warmupEnd + o.duration().toNanos();
            loops.forEach(l -> l.start(warmupEnd, end));

            sleepUntil(warmupEnd);
            long cpu0 = cpuNanos(ProcessHandle.current());
            Optional<ProcessHandle> server = o.serverPid().isPresent()
                    ? ProcessHandle.of(o.serverPid().getAsLong()) : Optional.empty();
            long serverCpu0 = server.map(DigestLoad::cpuNanos).orElse(-1L);
            Optional<ProcessGroupCpu> db = Optional.ofNullable(o.dbProcesses()).map(ProcessGroupCpu::start);
            MachineCpu machine0 = MachineCpu.read();
            sleepUntil(end);
            MachineCpu machine = MachineCpu.read();
            OptionalLong dbCpu = db.map(g -> OptionalLong.of(g.usedNanos())).orElse(OptionalLong.empty());
            long cpu = cpuNanos(ProcessHandle.current()) - cpu0;
            OptionalLong serverCpu = server.isPresent() && serverCpu0 >= 0 && server.get().isAlive()
                    ? OptionalLong.of(cpuNanos(server.get()) - serverCpu0) : OptionalLong.empty();

            // Answers still in flight at the end are awaited (not counted), so the connections close cleanly.
            await(Future.all(loops.stream().map(ClosedLoop::done).toList()), Duration.ofSeconds(15), "finishing");
            return report(o, users, loops, run, o.duration().toNanos(), cpu, serverCpu, dbCpu,
                    machine0 == null || machine == null ? null : machine.since(machine0), Optional.of(end));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static int report(LoadOptions o, Users users, List<ClosedLoop> loops, RunState run, long windowNanos,
                              long driverCpuNanos, OptionalLong serverCpuNanos, OptionalLong dbCpuNanos,
                              MachineCpu.Use machine,
                              Optional<Long> measured) {
        Histogram h = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long requests = 0;
        long stale = 0;
        long challenges = 0;
        long nextnonces = 0;
        long fullParses = 0;
        for (ClosedLoop l : loops) {
            h.add(l.histogram());
            requests += l.measured;
            stale += l.stale;
            challenges += l.challenges;
            nextnonces += l.nextnonces;
            fullParses += l.fullParses;
        }
        double seconds = windowNanos / 1e9;
        double rps = seconds > 0 ? requests / seconds : 0;
        double driverCpu = seconds > 0 ? driverCpuNanos / (double) windowNanos : 0;
        String serverCpu = cores(serverCpuNanos, windowNanos);
        String dbCpu = cores(dbCpuNanos, windowNanos);
        long errors = run.errors();
        StringBuilder json = new StringBuilder(400).append('{')
                .append("\"label\":\"").append(Text.json(o.label())).append('"')
                .append(",\"requests\":").append(requests)
                .append(",\"seconds\":").append(fmt(seconds, 3))
                .append(",\"rps\":").append(fmt(rps, 1))
                .append(",\"p50_us\":").append(h.getValueAtPercentile(50))
                .append(",\"p99_us\":").append(h.getValueAtPercentile(99))
                .append(",\"p999_us\":").append(h.getValueAtPercentile(99.9))
                .append(",\"max_us\":").append(h.getMaxValue())
                .append(",\"mean_us\":").append(fmt(h.getMean(), 1))
                .append(",\"errors\":").append(errors)
                .append(",\"stale\":").append(stale)
                .append(",\"nextnonce\":").append(nextnonces)
                .append(",\"challenges\":").append(challenges)
                .append(",\"allow_full_parse\":").append(fullParses)
                .append(",\"transport\":\"").append(o.transport()).append('"')
                .append(",\"connections\":").append(o.connections())
                .append(",\"streams\":").append(o.streams())
                .append(",\"users\":").append(users.size())
                .append(",\"algorithm\":\"").append(o.algorithm().token()).append('"')
                .append(",\"protocol\":\"").append(o.protocol()).append('"')
                .append(",\"target_rate\":").append(o.rate())
                .append(",\"driver_threads\":").append(o.threads())
                .append(",\"driver_cpu\":").append(fmt(driverCpu, 3))
                .append(",\"server_cpu\":").append(serverCpu)
                .append(",\"db_cpu\":").append(dbCpu)
                // Everything the machine ran, and what the hypervisor took: other load makes a run noisy.
                .append(",\"machine_cpu\":").append(machine == null ? "null" : fmt(machine.busyCores(), 3))
                .append(",\"steal_cpu\":").append(machine == null ? "null" : fmt(machine.stealCores(), 3))
                .append(",\"cpus\":").append(machine == null ? "null" : String.valueOf(machine.cpus()))
                .append('}');
        System.out.println(json);
        if (measured.isPresent()) {
            System.err.printf(Locale.ROOT,
                    "%s: %,.0f req/s over %.1f s (%d requests), p50 %d µs, p99 %d µs, max %d µs; %d errors, %d stale;"
                            + " driver CPU %.2f core%s%n",
                    o.label(), rps, seconds, requests, h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                    h.getMaxValue(), errors, stale, driverCpu,
                    (serverCpu.equals("null") ? "" : ", server CPU " + fmt(Double.parseDouble(serverCpu), 2) + " core")
                            + (machine == null ? "" : ", whole machine " + fmt(machine.busyCores(), 2) + " of "
                            + machine.cpus() + " cores"));
        }
        if (errors > 0) {
            System.err.printf("%s: %d errors%s; the first:%n", o.label(), errors,
                    run.stopped() ? " (stopped early after " + RunState.STOP_AFTER_ERRORS + ")" : "");
            run.firstErrors().forEach(e -> System.err.println("  " + e));
            return 1;
        }
        if (requests == 0) {
            System.err.println(o.label() + ": no request completed in the measured time");
            return 1;
        }
        return 0;
    }

    /** Cores used over the window, as JSON: null when not measured. */
    private static String cores(OptionalLong cpuNanos, long windowNanos) {
        return cpuNanos.isPresent() && windowNanos > 0 ? fmt(cpuNanos.getAsLong() / (double) windowNanos, 3) : "null";
    }

    private static long cpuNanos(ProcessHandle process) {
        // Linux: from /proc/<pid>/stat (user + system), at the kernel's clock-tick resolution (10 ms).
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** Opens one connection on {@code context}, so that its callbacks (and its loops) run there. */
    private static Future<HttpClientConnection> connect(HttpClientAgent client, Context context, LoadOptions o) {
        Promise<HttpClientConnection> connected = Promise.promise();
        context.runOnContext(v -> client.connect(new HttpConnectOptions().setHost(o.host()).setPort(o.port())
                .setConnectTimeout(5_000)).onComplete(connected));
        return connected.future();
    }

    private static <T> T await(Future<T> future, Duration timeout, String what) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + ": no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
