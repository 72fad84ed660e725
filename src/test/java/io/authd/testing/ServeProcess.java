package io.authd.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code authd serve} as a separate JVM, started from the test classpath with the configuration given, the way
 * Kubernetes runs it: so that a test can send it a real SIGTERM ({@link Process#destroy()} on Linux).
 */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile("public API on [^:]+:(\\d+)(?: \\(TLS\\))?, management on [^:]+:(\\d+)");

    public final Process process;
    public final Path log;
    public final int port;
    public final int managementPort;

    private ServeProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts it on {@code dir/authd.yaml} (written from {@code config}) and waits until it listens. */
    public static ServeProcess start(Path dir, String config) throws IOException {
        Files.writeString(dir.resolve("authd.yaml"), config);
        Path log = dir.resolve("serve.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // as bin/lib/java.sh does: see there
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.authd.cli.AuthdCommand", "serve",
                "--config", dir.resolve("authd.yaml").toString()));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        Matcher[] started = new Matcher[1];
        try {
            Poll.until(Duration.ofSeconds(30), "authd serve started (log: " + log + ")", () -> {
                started[0] = STARTED.matcher(read(log));
                return started[0].find() || !p.isAlive();
            });
        } catch (AssertionError e) {
            p.destroyForcibly();
            throw e;
        }
        if (!p.isAlive()) {
            throw new AssertionError("authd serve exited with " + p.exitValue() + ":\n" + read(log));
        }
        return new ServeProcess(p, log, Integer.parseInt(started[0].group(1)), Integer.parseInt(started[0].group(2)));
    }

    public String output() {
        return read(log);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
