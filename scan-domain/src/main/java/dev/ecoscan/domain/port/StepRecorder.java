package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.ImageLoadEvent;
import dev.ecoscan.domain.scan.StepEvent;

/**
 * Receives one event per executed pipeline step: metrics, logs and job progress listen here.
 * Called on the scan's threads, so implementations must be quick and thread-safe, and must not throw.
 */
public interface StepRecorder {

    void record(StepEvent event);

    /**
     * Receives the image load that precedes the vision step. It is not one of the four steps, so a
     * listener that only follows those (job progress) ignores it, which is the default.
     */
    default void recordImageLoad(ImageLoadEvent event) {}

    /** A recorder that drops everything, for embedders that do not watch steps. */
    static StepRecorder none() {
        return event -> {};
    }
}
