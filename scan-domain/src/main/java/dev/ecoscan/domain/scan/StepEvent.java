package dev.ecoscan.domain.scan;

import java.time.Duration;
import java.util.Objects;

/**
 * One executed step of one scan, recorded by the step's timing decorator.
 *
 * @param scanId   the scan
 * @param step     the step that ran
 * @param duration how long it took
 * @param status   how it ended
 */
public record StepEvent(ScanId scanId, Step step, Duration duration, StepStatus status) {

    /** Checks that every part is present. */
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
