package dev.ecoscan.application;

import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;

/** The use case: tell a person how to throw away the item in their photo. */
public interface ScanWaste {

    /** Runs one scan to its end; never throws for anything a port or the input can cause. */
    ScanOutcome scan(ScanRequest request);
}
