package dev.ecoscan.adapter.tracing;

import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.scan.Step;
import java.util.Objects;
import java.util.Optional;

/** Runs each classification in a {@code vision} span; a typed failure marks it an error. */
final class TracedClassifier implements Classifier {

    private final Classifier delegate;
    private final ScanSpans spans;

    TracedClassifier(Classifier delegate, ScanSpans spans) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.spans = Objects.requireNonNull(spans, "spans");
    }

    @Override
    public ClassifierVerdict classify(ClassificationRequest request) {
        return spans.step(
                request.scanId(),
                Step.VISION.label(),
                () -> delegate.classify(request),
                verdict -> verdict instanceof ClassifierVerdict.Failure failure
                        ? Optional.of(FailureTypes.of(failure.kind()))
                        : Optional.empty());
    }
}
