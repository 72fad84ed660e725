package io.authd.metrics;

import io.authd.config.MetricsOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The process's metrics: one Prometheus registry with the JVM's, the process's and Vert.x's meters, and the
 * {@link AuthMetrics} authd records its decisions through. Turned off ({@code metrics.enabled: false}) it
 * registers nothing and records nothing.
 */
public final class Metrics implements AutoCloseable {
    /** Prometheus text format 0.0.4, what every Prometheus scrapes with. */
    public static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
    /** OpenMetrics 1.0, sent when the scraper asks for it in {@code Accept}. */
    public static final String OPENMETRICS_FORMAT = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    /**
     * Vert.x's own meters that authd keeps: named pools (workers, SQL clients). The HTTP and TCP meters are off:
     * they would repeat {@code authd_decisions_total} per request at a cost, with client addresses as tags.
     */
    private static final Set<MetricsDomain> VERTX_DOMAINS = Set.of(MetricsDomain.NAMED_POOLS);

    private final PrometheusMeterRegistry registry;
    private final AuthMetrics auth;
    private final LockoutMetrics lockout;
    private final List<AutoCloseable> binders;

    private Metrics(PrometheusMeterRegistry registry, AuthMetrics auth, LockoutMetrics lockout,
                    List<AutoCloseable> binders) {
        this.registry = registry;
        this.auth = auth;
        this.lockout = lockout;
        this.binders = binders;
    }

    public static Metrics create(MetricsOptions options) {
        if (!options.enabled()) {
            return new Metrics(null, AuthMetrics.NONE, LockoutMetrics.NONE, List.of());
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmGcMetrics gc = new JvmGcMetrics();
        Stream.<MeterBinder>of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new FileDescriptorMetrics(), new UptimeMetrics()).forEach(b -> b.bindTo(registry));
        return new Metrics(registry, new MicrometerAuthMetrics(registry), new MicrometerLockoutMetrics(registry),
                List.of(gc));
    }

    public boolean enabled() {
        return registry != null;
    }

    /** Where decisions are recorded; {@link AuthMetrics#NONE} when metrics are off. */
    public AuthMetrics auth() {
        return auth;
    }

    /** Where brute-force protection reports; {@link LockoutMetrics#NONE} when metrics are off. */
    public LockoutMetrics lockout() {
        return lockout;
    }

    /** Binds the stores' counters; call only when {@link #enabled()}. */
    public StoreMetrics stores() {
        if (registry == null) {
            throw new IllegalStateException("metrics are off: there is no registry to bind stores to");
        }
        return new StoreMetrics(registry);
    }

    /**
     * A Vert.x instance whose pools and event loops ({@code vertx_pool_*}, {@code netty_eventexecutor_*}) report to
     * this registry; a plain one when metrics are off. Vert.x takes its metrics when it is built, so the caller
     * that builds it asks here.
     */
    public Vertx vertx() {
        if (registry == null) {
            return Vertx.vertx();
        }
        Set<String> off = Stream.of(MetricsDomain.values()).filter(d -> !VERTX_DOMAINS.contains(d))
                .map(MetricsDomain::toCategory).collect(Collectors.toSet());
        MicrometerMetricsOptions options = new MicrometerMetricsOptions().setEnabled(true)
                .setNettyMetricsEnabled(true).setDisabledMetricsCategories(off);
        return Vertx.builder().with(new VertxOptions().setMetricsOptions(options))
                .withMetrics(new MicrometerMetricsFactory(registry)).build();
    }

    /**
     * The scrape in the format {@code accept} asks for: OpenMetrics when it names it, else the text format.
     *
     * @return the content type and the body
     */
    public Scrape scrape(String accept) {
        String type = accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS_FORMAT : TEXT_FORMAT;
        return new Scrape(type, registry.scrape(type));
    }

    /** The registry, for tests and binders; null when metrics are off. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Removes the GC listeners the JVM meters installed (a process that starts several servers, as tests do). */
    @Override
    public void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + binder, e);
            }
        }
        if (registry != null) {
            registry.close();
        }
    }

    public record Scrape(String contentType, String body) {
    }
}
