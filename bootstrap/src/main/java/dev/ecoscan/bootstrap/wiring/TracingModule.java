package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.tracing.Traces;
import dev.ecoscan.bootstrap.config.SettingsException;
import dev.ecoscan.bootstrap.config.TraceSettings;
import dev.ecoscan.domain.port.ModelCallTracer;
import jakarta.inject.Singleton;

/**
 * Traces, as {@code ECO_SCAN_TRACES} chose: off (the default) starts no OpenTelemetry SDK and wraps
 * nothing; {@code otlp} starts one from the {@code OTEL_*} variables, shut down (and flushed) with the
 * engine.
 */
@Module
interface TracingModule {

    @Provides
    @Singleton
    static Traces traces(TraceSettings settings, Resources resources) {
        if (!settings.otlp()) {
            return Traces.off();
        }
        try {
            return resources.register(Traces.otlp());
        } catch (IllegalArgumentException e) {
            // An OTEL_* variable eco-scan cannot honour is a setting to change, said before any scan.
            throw new SettingsException("ECO_SCAN_TRACES=otlp: " + e.getMessage(), e);
        }
    }

    @Provides
    static ModelCallTracer modelCallTracer(Traces traces) {
        return traces.modelCalls();
    }
}
