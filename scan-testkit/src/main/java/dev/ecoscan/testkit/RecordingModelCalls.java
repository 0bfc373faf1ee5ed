package dev.ecoscan.testkit;

import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.scan.Step;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every model call an adapter reports, in order. */
public final class RecordingModelCalls implements ModelCallRecorder {

    private final List<ModelCall> calls = new CopyOnWriteArrayList<>();

    /** A recorder that has kept nothing yet. */
    public RecordingModelCalls() {}

    @Override
    public void record(ModelCall call) {
        calls.add(call);
    }

    /**
     * Every call reported so far.
     *
     * @return the calls, in order
     */
    public List<ModelCall> calls() {
        return List.copyOf(calls);
    }

    /**
     * The calls one step made.
     *
     * @param step the step
     * @return its calls, in order
     */
    public List<ModelCall> callsOf(Step step) {
        return calls.stream().filter(c -> c.step() == step).toList();
    }
}
