package io.authd.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The credentials file.
 *
 * @param file           the YAML file of users; a relative path is resolved against the config file's directory
 * @param reloadInterval how often the file is checked for changes, so that users can be added without a restart
 */
public record CredentialsOptions(Path file, Duration reloadInterval) {

    public static final CredentialsOptions DEFAULTS =
            new CredentialsOptions(Path.of("credentials.yaml"), Duration.ofSeconds(2));

    public CredentialsOptions {
        Problems problems = new Problems();
        problems.present(file, "file");
        if (problems.present(reloadInterval, "reloadInterval")) {
            problems.check(reloadInterval.isPositive(), "reloadInterval",
                    "must be positive, got '" + Durations.format(reloadInterval) + "'");
        }
        problems.throwIfAny();
    }
}
