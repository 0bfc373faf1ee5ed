package dev.ecoscan.adapter.tracing;

import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Objects;

/**
 * Runs each scan in a span of its own. Its parent is the trace the request carries (the HTTP request
 * that asked for the scan, or submitted its job), so the scan serves that remote caller; without one,
 * the context current on the calling thread.
 */
final class TracedScanWaste implements ScanWaste {

    private final ScanWaste delegate;
    private final ScanSpans spans;

    TracedScanWaste(ScanWaste delegate, ScanSpans spans) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.spans = Objects.requireNonNull(spans, "spans");
    }

    @Override
    public ScanOutcome scan(ScanRequest request, StepRecorder progress) {
        Context parent = request.trace().map(ScanSpans::remote).orElseGet(Context::current);
        Span span = spans.tracer()
                .spanBuilder("scan")
                .setParent(parent)
                .setSpanKind(request.trace().isPresent() ? SpanKind.SERVER : SpanKind.INTERNAL)
                .setAttribute(TraceNames.SCAN_ID, request.id().toString())
                .startSpan();
        spans.open(request.id(), parent.with(span));
        try (Scope ignored = span.makeCurrent()) {
            ScanOutcome outcome = delegate.scan(request, progress);
            describe(span, outcome);
            return outcome;
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            ScanSpans.failed(span, e.getClass().getName());
            throw e;
        } finally {
            spans.close(request.id());
            span.end();
        }
    }

    private static void describe(Span span, ScanOutcome outcome) {
        switch (outcome) {
            case ScanOutcome.Completed completed -> span.setAttribute(TraceNames.SCAN_OUTCOME, "completed");
            case ScanOutcome.Rejected rejected -> span.setAttribute(TraceNames.SCAN_OUTCOME, "rejected");
            case ScanOutcome.Failed failed -> {
                span.setAttribute(TraceNames.SCAN_OUTCOME, "failed");
                ScanSpans.failed(span, FailureTypes.of(failed.kind()));
            }
        }
    }
}
