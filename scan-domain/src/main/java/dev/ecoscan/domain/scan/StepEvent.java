package dev.ecoscan.domain.scan;

import java.time.Duration;
import java.util.Objects;

/** One executed step of one scan, recorded by the step's timing decorator. */
public record StepEvent(ScanId scanId, Step step, Duration duration, StepStatus status) {

    public StepEvent {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(status, "status");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a step cannot take negative time: " + duration);
        }
    }
}
