package io.authd.replay;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where and how {@link RedisReplayStore} keeps replay state.
 *
 * @param uri            the Redis server, e.g. {@code redis://127.0.0.1:6379} ({@code rediss://} for TLS)
 * @param keyPrefix      put before every key, so several deployments (or test runs) can share one Redis
 * @param window         how many recent nonce-counts per nonce are remembered, 1..64, as for the memory store
 * @param commandTimeout how long one check may take before it fails; short, because a verification waits
 *                       on it and a failed check is refused at once (503) rather than hanging the client
 */
public record RedisReplayOptions(String uri, String keyPrefix, int window, Duration commandTimeout) {

    /** Long enough for a round trip in one data centre, short enough that a hung Redis is noticed quickly. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(250);
    private static final Set<String> SCHEMES = Set.of("redis", "rediss", "unix");

    public RedisReplayOptions {
        List<String> problems = new ArrayList<>();
        // The URI is not echoed: it may carry a password.
        check(problems, validUri(uri), "uri", "must be a redis://, rediss:// or unix:// URI");
        check(problems, keyPrefix != null, "keyPrefix", "required (may be empty)");
        check(problems, window >= 1 && window <= SlidingWindow.MAX_SIZE, "window",
                "must be 1.." + SlidingWindow.MAX_SIZE + ", got " + window);
        check(problems, commandTimeout != null && commandTimeout.toMillis() > 0, "commandTimeout",
                "must be at least 1ms, got " + commandTimeout);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Options with the {@linkplain #DEFAULT_COMMAND_TIMEOUT default command timeout}. */
    public RedisReplayOptions(String uri, String keyPrefix, int window) {
        this(uri, keyPrefix, window, DEFAULT_COMMAND_TIMEOUT);
    }

    private static void check(List<String> problems, boolean ok, String field, String message) {
        if (!ok) {
            problems.add(field + ": " + message);
        }
    }

    private static boolean validUri(String uri) {
        try {
            return uri != null && SCHEMES.contains(URI.create(uri).getScheme());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
