package dev.ecoscan.application.calls;

import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.port.ModelCallRecorder;
import java.util.Objects;

/**
 * Hands every model call to two recorders in turn: the service both counts calls and keeps them per scan.
 *
 * @param first  told of each call first
 * @param second told of each call next
 */
public record ModelCallFanOut(ModelCallRecorder first, ModelCallRecorder second) implements ModelCallRecorder {

    /** Checks that both recorders are present. */
    public ModelCallFanOut {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }

    @Override
    public void record(ModelCall call) {
        first.record(call);
        second.record(call);
    }
}
