package dev.ecoscan.bootstrap;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code OTEL_TRACES_EXPORTER=memory} for tests: the SDK that {@code ECO_SCAN_TRACES=otlp} configures
 * from the standard variables exports into memory, so a test reads the spans of the real set-up.
 */
public final class MemorySpanExporterProvider implements ConfigurableSpanExporterProvider {

    private static final AtomicReference<InMemorySpanExporter> LATEST = new AtomicReference<>();

    /** The exporter of the SDK configured last in this JVM; it is cleared when that SDK shuts down. */
    static InMemorySpanExporter latest() {
        InMemorySpanExporter exporter = LATEST.get();
        if (exporter == null) {
            throw new IllegalStateException("no SDK was configured with otel.traces.exporter=memory");
        }
        return exporter;
    }

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        LATEST.set(exporter);
        return exporter;
    }

    @Override
    public String getName() {
        return "memory";
    }
}
