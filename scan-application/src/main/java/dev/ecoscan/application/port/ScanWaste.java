package dev.ecoscan.application.port;

import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;

/** The use case: tell a person how to throw away the item in their photo. */
public interface ScanWaste {

    /**
     * Runs one scan to its end, telling {@code progress} of this scan's steps (and of no other scan's)
     * as they finish: a job follows its own scan here. Nothing a port does makes it throw: failures
     * come back as outcomes.
     *
     * @param progress told of each step event of this scan; must be quick and must not throw
     * @throws IllegalStateException when a scan with the same id is already running (a caller's bug)
     * @param request the photo, the question, the user and the deadline
     * @return how the scan ended; never null
     */
    ScanOutcome scan(ScanRequest request, StepRecorder progress);

    /**
     * Runs one scan to its end, with no one following its steps.
     *
     * @param request the photo, the question, the user and the deadline
     * @return how the scan ended; never null
     */
    default ScanOutcome scan(ScanRequest request) {
        return scan(request, StepRecorder.none());
    }
}
