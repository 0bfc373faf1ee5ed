package dev.ecoscan.adapter.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry eco-scan records into, with the tag caps that bound its series: its own Prometheus
 * registry with the JVM and process binders, or an embedding application's registry, which eco-scan
 * neither binds JVM metrics to (the host does that once) nor closes. Closing an own registry stops
 * the GC listener, which would otherwise outlive it.
 */
final class EcoScanRegistry implements AutoCloseable {

    private final MeterRegistry registry;
    private final Optional<JvmGcMetrics> gcMetrics;

    private EcoScanRegistry(MeterRegistry registry, Optional<JvmGcMetrics> gcMetrics) {
        this.registry = registry;
        this.gcMetrics = gcMetrics;
    }

    /** The caller's registry, with eco-scan's tag caps added; it stays the caller's to close. */
    static EcoScanRegistry on(MeterRegistry callers) {
        return new EcoScanRegistry(capTags(Objects.requireNonNull(callers, "registry")), Optional.empty());
    }

    /** A new registry with JVM memory, GC, thread, class loading, CPU, uptime and file descriptor metrics bound. */
    static EcoScanRegistry create() {
        PrometheusMeterRegistry registry = capTags(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return new EcoScanRegistry(registry, Optional.of(gcMetrics));
    }

    /**
     * Filters first: they apply only to meters registered after them. A capped tag's new values are
     * dropped rather than recorded, so a caller's bug cannot explode the series count. They name only
     * eco-scan's meters, so a host's own meters on a shared registry are untouched.
     */
    private static <R extends MeterRegistry> R capTags(R registry) {
        registry.config()
                .meterFilter(MeterFilter.maximumAllowableTags(
                        "http.request", "path", EcoScanMetrics.MAX_PATHS, MeterFilter.deny()))
                .meterFilter(MeterFilter.maximumAllowableTags(
                        "gen_ai.client", ModelCallMeters.MODEL, EcoScanMetrics.MAX_MODELS, MeterFilter.deny()))
                .meterFilter(MeterFilter.maximumAllowableTags(
                        CostMeters.PREFIX, CostMeters.MODEL, EcoScanMetrics.MAX_MODELS, MeterFilter.deny()));
        return registry;
    }

    MeterRegistry registry() {
        return registry;
    }

    /** The meters as Prometheus or OpenMetrics text; empty when the registry is not a Prometheus one. */
    Optional<String> scrape(String contentType) {
        return registry instanceof PrometheusMeterRegistry prometheus
                ? Optional.of(prometheus.scrape(contentType))
                : Optional.empty();
    }

    /** Closes an own registry; a caller's is left open, because it is theirs. */
    @Override
    public void close() {
        gcMetrics.ifPresent(gc -> {
            gc.close();
            registry.close();
        });
    }
}
