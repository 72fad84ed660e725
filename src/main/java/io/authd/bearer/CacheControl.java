package io.authd.bearer;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code max-age} from a Cache-Control header (RFC 9111 §5.2.2.1); {@code no-store}/{@code no-cache} give 0. */
final class CacheControl {
    private static final long MAX_SECONDS = Duration.ofDays(1).toSeconds();

    private CacheControl() {
    }

    static Optional<Duration> maxAge(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String directive : header.toLowerCase(Locale.ROOT).split(",")) {
            String d = directive.strip();
            if (d.equals("no-store") || d.equals("no-cache")) {
                return Optional.of(Duration.ZERO);
            }
            if (d.startsWith("max-age=")) {
                try {
                    long seconds = Long.parseLong(d.substring("max-age=".length()).replace("\"", ""));
                    return Optional.of(Duration.ofSeconds(Math.clamp(seconds, 0, MAX_SECONDS)));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
