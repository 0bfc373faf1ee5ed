package dev.ecoscan.domain.scan;

import java.time.Duration;
import java.util.Objects;

/**
 * How loading one scan's image went, before its vision step. Not one of the reference system's four
 * {@link Step}s, whose names dashboards, bodies and job stages know: it is recorded beside them.
 *
 * @param scanId   the scan
 * @param duration how long loading took
 * @param status   how it ended
 */
public record ImageLoadEvent(ScanId scanId, Duration duration, StepStatus status) {

    /** Checks that every part is present. */
    public ImageLoadEvent {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(status, "status");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("an image load cannot take negative time: " + duration);
        }
    }
}
