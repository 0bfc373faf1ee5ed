package dev.ecoscan.domain.port;

/**
 * Receives every model call an LLM adapter makes, so metrics can count tokens, cost and latency
 * per step and model. Must be quick, thread-safe, and must not throw.
 */
public interface ModelCallRecorder {

    void record(ModelCall call);

    /** A recorder that drops everything. */
    static ModelCallRecorder none() {
        return call -> {};
    }
}
