package dev.ecoscan.domain.port;

/**
 * Receives every model call an LLM adapter makes, so metrics can count tokens, cost and latency
 * per step and model. Must be quick, thread-safe, and must not throw.
 */
public interface ModelCallRecorder {

    /**
     * Receives one call, after it ended.
     *
     * @param call what the call cost and how it ended
     */
    void record(ModelCall call);

    /**
     * A recorder that drops everything.
     *
     * @return a recorder that records nothing
     */
    static ModelCallRecorder none() {
        return call -> {};
    }
}
