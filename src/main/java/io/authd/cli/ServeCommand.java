package io.authd.cli;

import io.authd.config.AuthdOptions;
import io.authd.config.ConfigException;
import io.authd.config.ShutdownOptions;
import io.authd.metrics.Metrics;
import io.authd.server.AuthdServer;
import io.authd.server.LogFormats;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Starts the server and keeps it running until the process is told to stop (SIGTERM: a graceful drain). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the authd server.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    /** Beyond drain + timeout, for closing the stores and Vert.x itself. */
    private static final long CLOSE_MILLIS = 10_000;

    @Mixin
    private ConfigOption config;

    @Override
    public Integer call() {
        AuthdOptions options;
        try {
            options = config.load(System.getenv());
        } catch (ConfigException e) {
            System.err.println("authd: invalid configuration:\n" + e.getMessage());
            return 1;
        }
        LogFormats.apply(options.logging().format());
        // Closed with the process: the JVM's meters outlive the server until exit.
        Metrics metrics = Metrics.create(options.metrics());
        Vertx vertx = metrics.vertx();
        try {
            AuthdServer server = AuthdServer.builder(options).metrics(metrics).start(vertx).await(30, TimeUnit.SECONDS);
            LOG.info("authd {} mode: public API on {}:{}{}, management on {}:{}", options.mode().name().toLowerCase(),
                    options.listen().publicApi().host(), server.publicPort(),
                    options.listen().publicApi().tls().enabled() ? " (TLS)" : "",
                    options.listen().management().host(), server.managementPort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(vertx, server, options.shutdown()),
                    "authd-shutdown"));
            return 0;
        } catch (Exception e) {
            System.err.println("authd: cannot start: " + e.getMessage());
            vertx.close();
            return 1;
        }
    }

    /**
     * Runs on SIGTERM (or SIGINT). Ends the process itself: a JVM ended by a signal exits with 128 + the signal
     * number, but a drain that finished is the service's normal end, so it exits 0 (1 when it did not finish).
     */
    private static void shutdown(Vertx vertx, AuthdServer server, ShutdownOptions shutdown) {
        LOG.info("shutting down: not ready from now on; serving {} ms more, then up to {} ms for requests in flight",
                shutdown.drain().toMillis(), shutdown.timeout().toMillis());
        int status = 0;
        try {
            // Sequential, not composed: vertx.close() from an event-loop callback never completes its future.
            server.drainAndClose(shutdown).await(shutdown.total().toMillis() + CLOSE_MILLIS, TimeUnit.MILLISECONDS);
            vertx.close().await(CLOSE_MILLIS, TimeUnit.MILLISECONDS);
            LOG.info("stopped");
        } catch (Exception e) {
            LOG.warn("shutdown did not finish cleanly: {}", e.toString());
            status = 1;
        }
        LogFormats.flush();
        Runtime.getRuntime().halt(status);
    }
}
