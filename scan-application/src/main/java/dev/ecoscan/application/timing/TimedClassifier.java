package dev.ecoscan.application.timing;

import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepStatus;
import java.util.Objects;

/** Records the {@code vision} step of every classification. */
public final class TimedClassifier implements Classifier {

    private final Classifier delegate;
    private final StepTimer timer;

    /**
     * Times {@code delegate} with {@code timer}.
     *
     * @param delegate the classifier
     * @param timer    records each call
     */
    public TimedClassifier(Classifier delegate, StepTimer timer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    @Override
    public ClassifierVerdict classify(ClassificationRequest request) {
        return timer.time(request.scanId(), Step.VISION, () -> delegate.classify(request), TimedClassifier::statusOf);
    }

    private static StepStatus statusOf(ClassifierVerdict verdict) {
        return switch (verdict) {
            case ClassifierVerdict.Classified classified -> StepStatus.SUCCESS;
            case ClassifierVerdict.OutOfTaxonomy outOfTaxonomy -> StepStatus.REJECTED;
            case ClassifierVerdict.Unclassifiable unclassifiable -> StepStatus.REJECTED;
            case ClassifierVerdict.Failure failure -> StepTimer.statusOf(failure.kind());
        };
    }
}
