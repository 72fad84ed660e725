package io.authd.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** The command line of {@link DigestLoad}; every option has a default except {@code --users-file}. */
record LoadOptions(URI url, Transport transport, int connections, int streams, Path usersFile, String realm, DigestAlgorithm algorithm,
                   Duration warmup, Duration duration, String protocol, String uri, String label, int threads,
                   OptionalLong serverPid, String dbProcesses, int maxErrorsShown, int rate) {

    static final String USAGE = """
            usage: java -cp authd-benchmarks.jar io.authd.bench.load.DigestLoad --users-file FILE [options]
              --url URL            authd's public API (default http://127.0.0.1:8080)
              --transport T        http1 (JSON API), h2c (JSON API over HTTP/2, prior knowledge) or grpc
                                   (authd.v1.Authenticator) (default http1)
              --connections N      keep-alive connections (default 64 for http1, 2 for h2c and grpc)
              --streams N          requests in flight per connection, each on its own stream: 1 for http1
                                   (default 32 for h2c and grpc); connections x streams are in flight
              --users-file FILE    lines user:password (required)
              --realm R            realm the users belong to (default example.com)
              --algorithm A        MD5, SHA-256 or SHA-512-256 (default MD5)
              --warmup D           warm-up before measuring, e.g. 5s (default 5s)
              --duration D         measured time, e.g. 15s (default 15s)
              --protocol P         http or sip (default http)
              --uri U              digest uri (default /bench for http, sip:<realm> for sip)
              --label L            name of the run in the JSON line (default <transport>-<protocol>-<algorithm>)
              --threads N          event-loop threads (default: available processors)
              --server-pid PID     also report this process's CPU use over the measured time
              --db-processes TEXT  also report the CPU use of every process whose executable path contains TEXT
                                   (e.g. postgres: the database behind the server)
              --max-errors-shown N error answers printed at the end (default 5)
              --rate R             pace the verifications to R per second in all (default 0: as fast as the
                                   answers come); each loop keeps its own schedule, never more than one in flight
            """;

    static LoadOptions parse(String[] args) {
        URI url = URI.create("http://127.0.0.1:8080");
        Transport transport = Transport.HTTP1;
        Integer connections = null;
        Integer streams = null;
        Path usersFile = null;
        String realm = "example.com";
        DigestAlgorithm algorithm = DigestAlgorithm.MD5;
        Duration warmup = Duration.ofSeconds(5);
        Duration duration = Duration.ofSeconds(15);
        String protocol = "http";
        String uri = null;
        String label = null;
        int threads = Runtime.getRuntime().availableProcessors();
        OptionalLong serverPid = OptionalLong.empty();
        String dbProcesses = null;
        int maxErrorsShown = 5;
        int rate = 0;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new UsageException(null);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--url" -> url = url(value);
                case "--transport" -> transport = Transport.parse(value);
                case "--connections" -> connections = positive(name, value);
                case "--streams" -> streams = positive(name, value);
                case "--users-file" -> usersFile = Path.of(value);
                case "--realm" -> realm = value;
                case "--algorithm" -> algorithm = DigestAlgorithm.parse(value);
                case "--warmup" -> warmup = duration(name, value, true);
                case "--duration" -> duration = duration(name, value, false);
                case "--protocol" -> protocol = oneOf(name, value.toLowerCase(Locale.ROOT), List.of("http", "sip"));
                case "--uri" -> uri = value;
                case "--label" -> label = value;
                case "--threads" -> threads = positive(name, value);
                case "--server-pid" -> serverPid = OptionalLong.of(positive(name, value));
                case "--db-processes" -> dbProcesses = value;
                case "--max-errors-shown" -> maxErrorsShown = positive(name, value);
                case "--rate" -> rate = positive(name, value);
                default -> throw new UsageException("unknown option " + name);
            }
        }
        if (usersFile == null) {
            throw new UsageException("--users-file is required");
        }
        // 64 requests in flight saturate one authd core on the test machine (see benchmarks/README.md): 64
        // HTTP/1.1 connections, or 2 HTTP/2 connections of 32 streams (authd allows 100 streams per connection).
        if (connections == null) {
            connections = transport.multiplexed() ? 2 : 64;
        }
        if (streams == null) {
            streams = transport.multiplexed() ? 32 : 1;
        }
        if (!transport.multiplexed() && streams != 1) {
            throw new UsageException("--streams: HTTP/1.1 carries one request at a time per connection; use"
                    + " --connections, or --transport h2c");
        }
        if (uri == null) {
            uri = protocol.equals("sip") ? "sip:" + realm : "/bench";
        }
        if (label == null) {
            label = transport + "-" + protocol + "-" + algorithm.token();
        }
        return new LoadOptions(url, transport, connections, streams, usersFile, realm, algorithm, warmup, duration, protocol, uri, label,
                threads, serverPid, dbProcesses, maxErrorsShown, rate);
    }

    /** Nanoseconds between two verifications of one loop under {@code --rate}, or 0 when not paced. */
    long loopIntervalNanos() {
        return rate > 0 ? Math.round(loops() * 1e9 / rate) : 0;
    }

    /** Requests in flight: one closed loop each. */
    int loops() {
        return connections * streams;
    }

    String host() {
        return url.getHost();
    }

    int port() {
        return url.getPort() > 0 ? url.getPort() : 80;
    }

    /** The method of the request being authenticated: a SIP registrar's REGISTER, or a plain GET. */
    String method() {
        return protocol.equals("sip") ? "REGISTER" : "GET";
    }

    private static URI url(String value) {
        URI url;
        try {
            url = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url: not a URL: " + value);
        }
        // https would need TLS options the driver does not have; a path would be silently dropped.
        if (!"http".equals(url.getScheme()) || url.getHost() == null
                || (url.getPath() != null && !url.getPath().isEmpty() && !url.getPath().equals("/"))) {
            throw new UsageException("--url: expected http://HOST[:PORT], got " + value);
        }
        return url;
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + ": expected a positive whole number, got '" + value + "'");
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new UsageException(name + ": expected one of " + allowed + ", got '" + value + "'");
        }
        return value;
    }

    /** 250ms, 5s, 2m; a bare number is refused (seconds or milliseconds?), as in authd's configuration. */
    static Duration duration(String name, String value, boolean zeroAllowed) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                throw new UsageException(name + ": duration needs a unit (ms, s, m), got '" + value + "'");
            }
            if (d.isNegative() || (!zeroAllowed && d.isZero())) {
                throw new UsageException(name + ": must be " + (zeroAllowed ? "0 or more" : "positive")
                        + ", got '" + value + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": not a duration: '" + value + "'");
        }
    }

    /** A wrong command line: printed with the usage, exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
