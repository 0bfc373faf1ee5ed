package dev.ecoscan.application;

import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;

/** The use case: tell a person how to throw away the item in their photo. */
public interface ScanWaste {

    /**
     * Runs one scan to its end. Nothing a port does makes it throw: failures come back as outcomes.
     *
     * @throws IllegalStateException when a scan with the same id is already running (a caller's bug)
     */
    ScanOutcome scan(ScanRequest request);
}
