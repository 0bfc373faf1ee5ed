package dev.ecoscan.application.timing;

import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.StepEvent;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Tells a function of each finished step and of nothing else: for a caller that only shows where a
 * scan is (the command line's progress), so that it needs no class of its own implementing the port.
 * A function that throws is ignored for that event, as the port asks of a listener.
 *
 * @param each told of each finished step, on the scan's thread; must be quick
 */
public record FinishedSteps(Consumer<StepEvent> each) implements StepRecorder {

    /** Checks that the function is present. */
    public FinishedSteps {
        Objects.requireNonNull(each, "each");
    }

    @Override
    public void record(StepEvent event) {
        try {
            each.accept(event);
        } catch (RuntimeException ignored) {
            // Showing progress must never fail the scan it shows.
        }
    }
}
