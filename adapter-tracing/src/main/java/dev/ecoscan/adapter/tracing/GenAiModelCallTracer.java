package dev.ecoscan.adapter.tracing;

import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.port.ModelCallTracer;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client span per model call, named and described by OpenTelemetry's GenAI semantic conventions
 * ({@code chat {model}}, {@code gen_ai.*}, {@code error.type}), a child of the span current on the
 * calling thread: the step's. Its W3C context goes out with the call's request.
 */
final class GenAiModelCallTracer implements ModelCallTracer {

    private final Tracer tracer;

    GenAiModelCallTracer(Tracer tracer) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
    }

    @Override
    public TracedModelCall start(ScanId scanId, Step step, String provider, String model) {
        Span span = tracer.spanBuilder("chat " + model)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(TraceNames.OPERATION, "chat")
                .setAttribute(TraceNames.PROVIDER, provider)
                .setAttribute(TraceNames.REQUEST_MODEL, model)
                .setAttribute(TraceNames.SCAN_ID, scanId.toString())
                .startSpan();
        Map<String, String> headers = new HashMap<>();
        W3CTraceContextPropagator.getInstance()
                .inject(Context.current().with(span), headers, (carrier, key, value) -> carrier.put(key, value));
        return new ChatSpan(span, Map.copyOf(headers));
    }

    /** One call's span, and the headers that carry it to the provider. */
    private record ChatSpan(Span span, Map<String, String> headers) implements TracedModelCall {

        @Override
        public void end(ModelCall call, Optional<String> responseModel) {
            responseModel.ifPresent(model -> span.setAttribute(TraceNames.RESPONSE_MODEL, model));
            if (call.succeeded()) {
                span.setAttribute(TraceNames.INPUT_TOKENS, (long) call.inputTokens());
                span.setAttribute(TraceNames.OUTPUT_TOKENS, (long) call.outputTokens());
            } else {
                ScanSpans.failed(span, call.outcome());
            }
            span.end();
        }
    }
}
