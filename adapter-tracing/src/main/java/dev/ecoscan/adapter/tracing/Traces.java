package dev.ecoscan.adapter.tracing;

import dev.ecoscan.application.PipelinePorts;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.domain.port.ModelCallTracer;
import dev.ecoscan.domain.port.StepRecorder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * eco-scan's traces, off or on. Off, every method hands back what it was given and no OpenTelemetry
 * SDK exists, so tracing costs nothing; on, it wraps the pipeline's ports, its step listeners and the
 * use case in decorators that draw the spans, and gives the LLM adapters their call tracer.
 */
public final class Traces implements AutoCloseable {

    /**
     * Defaults under the standard {@code OTEL_*} variables, which override them: eco-scan's metrics are
     * Prometheus's and its logs its own, so only traces are exported unless asked; and OTLP goes over
     * HTTP, the protocol of the JDK sender eco-scan ships (the SDK's own default, gRPC, needs OkHttp).
     */
    private static final Map<String, String> DEFAULTS = Map.of(
            "otel.service.name", "eco-scan",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none",
            "otel.exporter.otlp.protocol", "http/protobuf");

    private final Optional<ScanSpans> spans;
    private final Runnable shutdown;
    private final Clock clock;

    private Traces(Optional<ScanSpans> spans, Runnable shutdown, Clock clock) {
        this.spans = spans;
        this.shutdown = shutdown;
        this.clock = clock;
    }

    /** No traces: nothing is wrapped and no SDK is started. */
    public static Traces off() {
        return new Traces(Optional.empty(), () -> {}, Clock.systemUTC());
    }

    /**
     * Traces exported as the standard {@code OTEL_EXPORTER_OTLP_*} and {@code OTEL_*} variables (or
     * system properties) say, by an SDK this object starts and shuts down (flushing what is left).
     *
     * @throws IllegalArgumentException when those variables do not make a working set-up (a protocol
     *     or exporter eco-scan does not ship, a malformed value), with the SDK's reason
     */
    public static Traces otlp() {
        OpenTelemetrySdk sdk;
        try {
            sdk = AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> DEFAULTS)
                    .build()
                    .getOpenTelemetrySdk();
        } catch (ConfigurationException e) {
            throw new IllegalArgumentException(reason(e), e);
        }
        return new Traces(Optional.of(spansOf(sdk)), sdk::close, Clock.systemUTC());
    }

    /** Traces into an OpenTelemetry the caller built and shuts down (an embedder's, a test's). */
    public static Traces using(OpenTelemetry openTelemetry, Clock clock) {
        return new Traces(
                Optional.of(spansOf(Objects.requireNonNull(openTelemetry, "openTelemetry"))),
                () -> {},
                Objects.requireNonNull(clock, "clock"));
    }

    /** The SDK wraps what went wrong in a generic message: the innermost cause says it. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? e.getMessage() : cause.getMessage();
    }

    private static ScanSpans spansOf(OpenTelemetry openTelemetry) {
        return new ScanSpans(openTelemetry.getTracer(TraceNames.INSTRUMENTATION));
    }

    public boolean enabled() {
        return spans.isPresent();
    }

    /** The ports, each step in a span of its own. */
    public PipelinePorts traced(PipelinePorts ports) {
        return spans.map(s -> new PipelinePorts(
                        ports.images(),
                        new TracedClassifier(ports.classifier(), s),
                        new TracedRuleRepository(ports.rules(), s),
                        new TracedAnswerGenerator(ports.answers(), s),
                        new TracedRewardMatcher(ports.rewards(), s)))
                .orElse(ports);
    }

    /** The pipeline's step listeners, each image load drawn as a span before they hear of it. */
    public StepRecorder traced(StepRecorder listeners) {
        return spans.<StepRecorder>map(s -> new ImageLoadSpans(listeners, s, clock))
                .orElse(listeners);
    }

    /** The use case, each scan in a span of its own that continues the trace its request carries. */
    public ScanWaste traced(ScanWaste scans) {
        return spans.<ScanWaste>map(s -> new TracedScanWaste(scans, s)).orElse(scans);
    }

    /** The tracer of the LLM adapters' calls. */
    public ModelCallTracer modelCalls() {
        return spans.<ModelCallTracer>map(s -> new GenAiModelCallTracer(s.tracer()))
                .orElseGet(ModelCallTracer::none);
    }

    /** Shuts down the SDK {@link #otlp} started, exporting the spans it still holds. */
    @Override
    public void close() {
        shutdown.run();
    }
}
