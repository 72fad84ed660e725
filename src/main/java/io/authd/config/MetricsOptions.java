package io.authd.config;

/**
 * Prometheus metrics on the management port ({@code GET /metrics}).
 *
 * @param enabled on by default; off, {@code /metrics} answers 404 and requests record nothing (the switch also
 *                lets an operator measure what recording costs)
 */
public record MetricsOptions(boolean enabled) {
    public static final MetricsOptions DEFAULTS = new MetricsOptions(true);
}
