package dev.ecoscan.application.timing;

import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ImageLoadEvent;
import dev.ecoscan.domain.scan.StepEvent;
import java.util.List;

/**
 * Hands every step event to several listeners in turn (an embedder's metrics and its own listeners).
 * A listener that throws despite the port's contract is skipped for that event, so one broken
 * listener neither fails the scan nor starves the others.
 *
 * @param listeners told of each event, in this order
 */
public record StepFanOut(List<StepRecorder> listeners) implements StepRecorder {

    /** Copies the listeners. */
    public StepFanOut {
        listeners = List.copyOf(listeners);
    }

    @Override
    public void record(StepEvent event) {
        for (StepRecorder listener : listeners) {
            try {
                listener.record(event);
            } catch (RuntimeException ignored) {
                // The contract says listeners do not throw; a scan must not fail when one does.
            }
        }
    }

    @Override
    public void recordImageLoad(ImageLoadEvent event) {
        for (StepRecorder listener : listeners) {
            try {
                listener.recordImageLoad(event);
            } catch (RuntimeException ignored) {
                // As for a step.
            }
        }
    }

    @Override
    public void recordAnswerDelta(AnswerDelta delta) {
        for (StepRecorder listener : listeners) {
            try {
                listener.recordAnswerDelta(delta);
            } catch (RuntimeException ignored) {
                // As for a step.
            }
        }
    }

    @Override
    public boolean followsAnswerText() {
        return listeners.stream().anyMatch(StepRecorder::followsAnswerText);
    }
}
