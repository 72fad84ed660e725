package io.authd.config;

/**
 * An address to listen on.
 *
 * @param host the interface to bind, e.g. {@code 0.0.0.0} for all IPv4 interfaces
 * @param port 0..65535; 0 asks the OS for a free port (tests use it to run in parallel)
 */
public record Endpoint(String host, int port) {

    public Endpoint {
        Problems problems = new Problems();
        check(problems, host, port);
        problems.throwIfAny();
    }

    /** The checks of every listener's host and port. */
    static void check(Problems problems, String host, int port) {
        problems.check(host != null && !host.isBlank(), "host", "must not be empty");
        problems.check(port >= 0 && port <= 65535, "port", "must be 0..65535, got " + port);
    }
}
