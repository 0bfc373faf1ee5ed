package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.StepEvent;

/**
 * Receives one event per executed pipeline step: metrics, logs and job progress listen here.
 * Called on the scan's threads, so implementations must be quick and thread-safe, and must not throw.
 */
public interface StepRecorder {

    void record(StepEvent event);

    /** A recorder that drops everything, for embedders that do not watch steps. */
    static StepRecorder none() {
        return event -> {};
    }
}
