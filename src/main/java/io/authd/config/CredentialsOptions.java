package io.authd.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where users' HA1s come from, and how lookups are cached.
 *
 * @param store          {@code file} (the embedded default: a YAML file) or {@code postgres}
 * @param file           store {@code file}: the YAML file of users; relative paths resolve against the config
 *                       file's directory
 * @param reloadInterval store {@code file}: how often the file is checked for changes, so that users can be added
 *                       without a restart
 * @param postgres       store {@code postgres}: the database and how it is queried
 * @param cache          store {@code postgres}: the lookup cache in front of the database
 */
public record CredentialsOptions(String store, Path file, Duration reloadInterval,
                                 CredentialDatabaseOptions postgres, CacheOptions cache) {

    /** The stores there are. */
    public static final List<String> STORES = List.of("file", "postgres");

    public static final CredentialsOptions DEFAULTS = new CredentialsOptions("file", Path.of("credentials.yaml"),
            Duration.ofSeconds(2), CredentialDatabaseOptions.DEFAULTS, CacheOptions.DEFAULTS);

    public CredentialsOptions {
        Problems problems = new Problems();
        store = problems.storeName(store, "store", STORES);
        problems.present(file, "file");
        if (problems.present(reloadInterval, "reloadInterval")) {
            problems.check(reloadInterval.isPositive(), "reloadInterval",
                    "must be positive, got '" + Durations.format(reloadInterval) + "'");
        }
        problems.present(postgres, "postgres");
        problems.present(cache, "cache");
        problems.throwIfAny();
    }

    public boolean usesPostgres() {
        return "postgres".equals(store);
    }
}
