package dev.ecoscan.adapter.tracing;

import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.scan.Step;
import java.util.Objects;
import java.util.Optional;

/** Runs each answer in an {@code answer} span; a typed failure marks it an error. */
final class TracedAnswerGenerator implements AnswerGenerator {

    private final AnswerGenerator delegate;
    private final ScanSpans spans;

    TracedAnswerGenerator(AnswerGenerator delegate, ScanSpans spans) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.spans = Objects.requireNonNull(spans, "spans");
    }

    @Override
    public AnswerResult answer(AnswerRequest request) {
        return spans.step(
                request.scanId(),
                Step.ANSWER.label(),
                () -> delegate.answer(request),
                result -> result instanceof AnswerResult.Failure failure
                        ? Optional.of(FailureTypes.of(failure.kind()))
                        : Optional.empty());
    }
}
