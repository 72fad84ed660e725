package io.authd.credentials.postgres;

import org.slf4j.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs a problem of the data at WARN the first time only: a bad row is read again at every lookup of its user,
 * and one line per lookup would bury everything else in the log.
 */
final class WarnOnce {
    private final Logger log;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    WarnOnce(Logger log) {
        this.log = log;
    }

    /** Logs {@code format} with {@code args} unless a warning with this {@code key} was logged before. */
    void warn(String key, String format, Object... args) {
        if (seen.add(key)) {
            log.warn(format, args);
        }
    }
}
