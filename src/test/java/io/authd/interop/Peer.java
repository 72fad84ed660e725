package io.authd.interop;

import io.authd.testing.Poll;
import io.authd.testing.Processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server program (nginx, Kamailio) run in the foreground for one test class, its output in a log file.
 * {@link #close()} stops it and every process it forked, also when the test failed: a peer left running would
 * hold its port and outlive the build.
 */
final class Peer implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private Peer(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    private static Peer start(String name, Path dir, List<String> command) throws IOException {
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return new Peer(name, p, log);
    }

    /** What a started peer needs per attempt: a port, its command line for that port, and how to tell it is ready. */
    interface Launch {
        int freePort() throws IOException;

        List<String> command(int port) throws IOException;

        boolean ready(int port);
    }

    /** A started peer and the port it listens on. */
    record Listening(int port, Peer peer) implements AutoCloseable {
        String log() {
            return peer.log();
        }

        @Override
        public void close() {
            peer.close();
        }
    }

    /**
     * Starts the peer on a free port and waits until it is ready; tries again on another port when a test running
     * beside this one took the port first. A peer that never gets ready is stopped before the test fails.
     */
    static Listening launch(String name, Path dir, Launch launch) throws Exception {
        for (int attempt = 1; ; attempt++) {
            int port = launch.freePort();
            Peer p = start(name, dir, launch.command(port));
            try {
                Poll.until(Duration.ofSeconds(15), name + " ready or exited", () -> !p.alive() || launch.ready(port));
            } catch (Throwable e) {
                p.close();
                throw new AssertionError(e.getMessage() + ". " + p.log(), e);
            }
            if (p.alive()) {
                return new Listening(port, p);
            }
            p.close();
            if (!p.log().contains("Address already in use") || attempt == 3) {
                throw new AssertionError(name + " did not start. " + p.log());
            }
        }
    }

    /** Fails with the install hint when a peer program is missing (bin/test installs it: bin/lib/ensure-peers.sh). */
    static String require(String command, String debianPackage) throws IOException, InterruptedException {
        Processes.Result r = Processes.run(List.of("sh", "-c", "command -v " + command));
        if (r.exitCode() != 0) {
            throw new AssertionError(command + " is not installed; bin/test installs it (apt-get install "
                    + debianPackage + ")");
        }
        return r.stdout().strip();
    }

    /** A TCP port free right now: nginx takes its ports from its configuration, not from the kernel. */
    static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Everything the peer printed so far: the assertion message when it misbehaves. */
    String log() {
        try {
            return name + " log:\n" + Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Interrupted while waiting, it still kills everything, and keeps the interrupt for the caller to see. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
