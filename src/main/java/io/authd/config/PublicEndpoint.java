package io.authd.config;

/**
 * Where the public API listens, and whether it speaks TLS. Only this port takes TLS: the management port stays
 * plain so that probes and Prometheus need no certificates.
 *
 * @param host the interface to bind
 * @param port 0..65535; 0 asks the OS for a free port
 * @param tls  TLS from PEM files; off unless {@code tls.certFile} is set
 */
public record PublicEndpoint(String host, int port, TlsOptions tls) {

    public PublicEndpoint {
        Problems problems = new Problems();
        Endpoint.check(problems, host, port);
        problems.present(tls, "tls");
        problems.throwIfAny();
    }

    public Endpoint endpoint() {
        return new Endpoint(host, port);
    }
}
