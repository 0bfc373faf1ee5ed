package dev.ecoscan.adapter.tracing;

import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ImageLoadEvent;
import dev.ecoscan.domain.scan.StepEvent;
import java.time.Clock;
import java.util.Objects;

/** Passes every event on to the pipeline's listeners, drawing each image load as a span on the way. */
final class ImageLoadSpans implements StepRecorder {

    private final StepRecorder delegate;
    private final ScanSpans spans;
    private final Clock clock;

    ImageLoadSpans(StepRecorder delegate, ScanSpans spans, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.spans = Objects.requireNonNull(spans, "spans");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void record(StepEvent event) {
        delegate.record(event);
    }

    @Override
    public void recordImageLoad(ImageLoadEvent event) {
        try {
            spans.imageLoaded(event, clock.instant());
        } catch (RuntimeException e) {
            // A recorder must not throw; a lost span is not worth a scan.
        }
        delegate.recordImageLoad(event);
    }

    @Override
    public void recordAnswerDelta(AnswerDelta delta) {
        delegate.recordAnswerDelta(delta);
    }

    @Override
    public boolean followsAnswerText() {
        return delegate.followsAnswerText();
    }
}
