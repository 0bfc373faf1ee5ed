package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import java.util.Map;
import java.util.Optional;

/**
 * Traces each model call an LLM adapter makes, from before it is sent to its end, so the call can
 * carry its trace context to the provider. Must be quick, thread-safe, and must not throw.
 */
public interface ModelCallTracer {

    /**
     * Opens the trace of one call (one attempt: a retry or a repair is a call of its own), on the thread
     * that makes it.
     *
     * @param scanId   the scan the call serves
     * @param step     the step that makes it
     * @param provider as {@link ModelCall#provider()}
     * @param model    the model asked for
     * @return the open trace, to be ended with the call
     */
    TracedModelCall start(ScanId scanId, Step step, String provider, String model);

    /** One model call being traced. */
    interface TracedModelCall {

        /**
         * Headers that carry this call's trace context to the provider (W3C {@code traceparent}).
         *
         * @return header names and values to add to the request; none by default
         */
        default Map<String, String> headers() {
            return Map.of();
        }

        /**
         * Closes the call's trace with what it came to.
         *
         * @param call          the finished call, as the recorders are told of it
         * @param responseModel the model that answered, when the provider said
         */
        void end(ModelCall call, Optional<String> responseModel);
    }

    /**
     * A tracer that traces nothing, when traces are off.
     *
     * @return a tracer whose calls send no headers and record nothing
     */
    static ModelCallTracer none() {
        return (scanId, step, provider, model) -> (call, responseModel) -> {};
    }
}
