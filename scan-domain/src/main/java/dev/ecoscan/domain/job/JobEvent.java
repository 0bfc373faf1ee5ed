package dev.ecoscan.domain.job;

import dev.ecoscan.domain.scan.ScanOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of an asynchronous scan, numbered from 1 in order so a client can resume after the
 * last one it saw. The last event of a job is its {@code done} event, which carries the outcome.
 */
public record JobEvent(long id, JobStage stage, Optional<ScanOutcome> outcome) {

    public JobEvent {
        if (id < 1) {
            throw new IllegalArgumentException("event ids start at 1");
        }
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome.isPresent() != (stage == JobStage.DONE)) {
            throw new IllegalArgumentException("exactly the done event carries the outcome");
        }
    }

    public boolean done() {
        return stage == JobStage.DONE;
    }
}
