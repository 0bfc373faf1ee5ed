package dev.ecoscan.adapter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

/**
 * Gauges read from suppliers, one per name. Registering a name again swaps the supplier behind the
 * same series: Micrometer would otherwise keep the first gauge and silently ignore the second.
 */
final class SuppliedGauges {

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, AtomicReference<DoubleSupplier>> suppliers = new ConcurrentHashMap<>();

    SuppliedGauges(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    void register(String name, String description, DoubleSupplier value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(value, "value");
        suppliers
                .computeIfAbsent(name, gaugeName -> {
                    AtomicReference<DoubleSupplier> current = new AtomicReference<>(value);
                    // A strong reference: Micrometer holds gauge state weakly by default, and the reference
                    // is only held here, so a collected gauge would scrape as NaN.
                    Gauge.builder(gaugeName, current, SuppliedGauges::read)
                            .description(description)
                            .strongReference(true)
                            .register(registry);
                    return current;
                })
                .set(value);
    }

    private static double read(AtomicReference<DoubleSupplier> current) {
        try {
            return current.get().getAsDouble();
        } catch (RuntimeException e) {
            // Another adapter's supplier failing must not break the whole scrape; NaN says "unknown".
            return Double.NaN;
        }
    }
}
