package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.tracing.Traces;
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
        return settings.otlp() ? resources.register(Traces.otlp()) : Traces.off();
    }

    @Provides
    static ModelCallTracer modelCallTracer(Traces traces) {
        return traces.modelCalls();
    }
}
