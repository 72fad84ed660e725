package io.authd.cli;

import io.authd.config.AuthdOptions;
import io.authd.config.ConfigException;
import io.authd.metrics.Metrics;
import io.authd.server.AuthdServer;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Starts the server and keeps it running until the process is told to stop. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the authd server.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

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
        // Closed with the process: the JVM's meters outlive the server until exit.
        Metrics metrics = Metrics.create(options.metrics());
        Vertx vertx = metrics.vertx();
        try {
            AuthdServer server = AuthdServer.builder(options).metrics(metrics).start(vertx).await(30, TimeUnit.SECONDS);
            LOG.info("authd {} mode: public API on {}:{}, management on {}:{}", options.mode().name().toLowerCase(),
                    options.listen().publicApi().host(), server.publicPort(),
                    options.listen().management().host(), server.managementPort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(vertx, server), "authd-shutdown"));
            return 0;
        } catch (Exception e) {
            System.err.println("authd: cannot start: " + e.getMessage());
            vertx.close();
            return 1;
        }
    }

    private static void shutdown(Vertx vertx, AuthdServer server) {
        try {
            // Sequential, not composed: vertx.close() from an event-loop callback never completes its future.
            server.close().await(10, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("shutdown did not finish cleanly: {}", e.toString());
        }
    }
}
