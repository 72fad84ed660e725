package io.authd.cli;

import io.authd.config.AuthdOptions;
import io.authd.config.ConfigException;
import io.authd.config.ConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The {@code --config} option of every command that reads authd's configuration, and how the file is found. */
final class ConfigOption {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigOption.class);
    private static final Path CONVENTIONAL = Path.of("config", "authd.yaml");

    @Option(names = {"-c", "--config"}, description = "YAML configuration file (default: $AUTHD_CONFIG, else "
            + "config/authd.yaml when it exists, else built-in defaults).")
    private Path file;

    /**
     * The configuration from {@code --config}, else {@code AUTHD_CONFIG}, else {@code config/authd.yaml} when it
     * exists, else the defaults; {@code env} applied over it.
     *
     * @throws ConfigException listing every problem found
     */
    AuthdOptions load(Map<String, String> env) {
        Path chosen = file;
        if (chosen == null && env.get("AUTHD_CONFIG") != null) {
            chosen = Path.of(env.get("AUTHD_CONFIG"));
        }
        if (chosen == null && Files.exists(CONVENTIONAL)) {
            chosen = CONVENTIONAL;
        }
        if (chosen == null) {
            return ConfigLoader.defaults(env);
        }
        LOG.info("configuration from {}", chosen.toAbsolutePath());
        return ConfigLoader.load(chosen, env);
    }
}
