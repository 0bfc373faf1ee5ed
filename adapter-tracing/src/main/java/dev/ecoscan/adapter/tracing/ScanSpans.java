package dev.ecoscan.adapter.tracing;

import dev.ecoscan.domain.scan.ImageLoadEvent;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.StepStatus;
import dev.ecoscan.domain.scan.TraceParent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The contexts of the scans in flight, by scan id, and the spans of their steps. The pipeline runs
 * each step on a thread of its own, which does not inherit the scan's thread-local context, so a step
 * finds its scan's span here through the scan id every port request carries.
 */
final class ScanSpans {

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final Map<ScanId, Context> open = new ConcurrentHashMap<>();

    ScanSpans(Tracer tracer) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
    }

    Tracer tracer() {
        return tracer;
    }

    /** The context a caller's traceparent names, as a remote parent. */
    static Context remote(TraceParent parent) {
        return W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of("traceparent", parent.value()), MAP_GETTER);
    }

    void open(ScanId scanId, Context scan) {
        open.put(scanId, scan);
    }

    void close(ScanId scanId) {
        open.remove(scanId);
    }

    /**
     * Runs one step in a span of its own, current on the step's thread (so a model call made in it is
     * its child), marked as an error when {@code errorType} names one for the result.
     */
    <T> T step(ScanId scanId, String name, Supplier<T> call, Function<? super T, Optional<String>> errorType) {
        Span span = tracer.spanBuilder(name).setParent(parentOf(scanId)).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            T result = call.get();
            errorType.apply(result).ifPresent(type -> failed(span, type));
            return result;
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            failed(span, e.getClass().getName());
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * The image load's span, drawn from its event when it has ended: the image source is not told which
     * scan it loads for, and it calls no model, so nothing needs its span while it runs.
     */
    void imageLoaded(ImageLoadEvent event, Instant end) {
        Span span = tracer.spanBuilder("image")
                .setParent(parentOf(event.scanId()))
                .setStartTimestamp(end.minus(event.duration()))
                .setAttribute(TraceNames.STEP_STATUS, event.status().label())
                .startSpan();
        if (event.status() == StepStatus.ERROR
                || event.status() == StepStatus.FAILED
                || event.status() == StepStatus.TIMEOUT) {
            failed(span, event.status().label());
        }
        span.end(end);
    }

    private Context parentOf(ScanId scanId) {
        return open.getOrDefault(scanId, Context.current());
    }

    static void failed(Span span, String errorType) {
        span.setStatus(StatusCode.ERROR);
        span.setAttribute(TraceNames.ERROR_TYPE, errorType);
    }
}
