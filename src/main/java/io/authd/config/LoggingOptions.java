package io.authd.config;

/**
 * Logs go to standard output, where the container runtime collects them.
 *
 * @param format {@code text} for a terminal, {@code json} (one object per line) for a log collector
 * @param audit  one event per verification on the {@code authd.audit} logger: user, realm, outcome, reason,
 *               client address, protocol; never a secret
 */
public record LoggingOptions(LogFormat format, boolean audit) {

    public static final LoggingOptions DEFAULTS = new LoggingOptions(LogFormat.TEXT, true);

    public LoggingOptions {
        Problems problems = new Problems();
        problems.present(format, "format");
        problems.throwIfAny();
    }
}
