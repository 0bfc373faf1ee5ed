package dev.ecoscan.bootstrap.wiring;

import dev.ecoscan.domain.port.StepRecorder;
import java.util.Objects;

/**
 * Hands step events to whatever follows job progress in this process: the in-process job queue, or
 * a Redis worker. Both run scans on the pipeline that produces these events, so they are attached
 * after the pipeline exists rather than injected into it.
 */
public final class StepRelay implements StepRecorder {

    private volatile StepRecorder target = StepRecorder.none();

    public void attach(StepRecorder target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public void record(dev.ecoscan.domain.scan.StepEvent event) {
        target.record(event);
    }
}
