package dev.ecoscan.adapter.metrics;

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

/**
 * The Prometheus registry eco-scan records into: the tag caps that bound its series, and the JVM and
 * process binders. Closing it stops the GC listener, which would otherwise outlive the registry.
 */
final class EcoScanRegistry implements AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;

    private EcoScanRegistry(PrometheusMeterRegistry registry, JvmGcMetrics gcMetrics) {
        this.registry = registry;
        this.gcMetrics = gcMetrics;
    }

    /** A new registry with JVM memory, GC, thread, class loading, CPU, uptime and file descriptor metrics bound. */
    static EcoScanRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Filters first: they apply only to meters registered after them. A capped tag's new values
        // are dropped rather than recorded, so a caller's bug cannot explode the series count.
        registry.config()
                .meterFilter(MeterFilter.maximumAllowableTags(
                        "http.request", "path", EcoScanMetrics.MAX_PATHS, MeterFilter.deny()))
                .meterFilter(MeterFilter.maximumAllowableTags(
                        "gen_ai.client", ModelCallMeters.MODEL, EcoScanMetrics.MAX_MODELS, MeterFilter.deny()))
                .meterFilter(MeterFilter.maximumAllowableTags(
                        CostMeters.PREFIX, CostMeters.MODEL, EcoScanMetrics.MAX_MODELS, MeterFilter.deny()));
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return new EcoScanRegistry(registry, gcMetrics);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
