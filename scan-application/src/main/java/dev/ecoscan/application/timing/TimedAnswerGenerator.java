package dev.ecoscan.application.timing;

import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepStatus;
import java.util.Objects;

/** Records the {@code answer} step of every answer. */
public final class TimedAnswerGenerator implements AnswerGenerator {

    private final AnswerGenerator delegate;
    private final StepTimer timer;

    /**
     * Times {@code delegate} with {@code timer}.
     *
     * @param delegate the answer generator
     * @param timer    records each call
     */
    public TimedAnswerGenerator(AnswerGenerator delegate, StepTimer timer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    @Override
    public AnswerResult answer(AnswerRequest request) {
        return timer.time(request.scanId(), Step.ANSWER, () -> delegate.answer(request), result -> switch (result) {
            case AnswerResult.Answered answered -> StepStatus.SUCCESS;
            case AnswerResult.Failure failure -> StepTimer.statusOf(failure.kind());
        });
    }
}
