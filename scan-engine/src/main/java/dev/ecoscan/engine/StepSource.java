package dev.ecoscan.engine;

import dev.langchain4j.model.chat.ChatModel;
import java.util.Objects;

/**
 * What serves one LLM step (vision or answer): eco-scan's provider chain, a caller's LangChain4j
 * model, or a ready implementation of the step's port (the testkit's fakes, or the caller's own).
 *
 * @param <P> the step's port: {@code Classifier} or {@code AnswerGenerator}
 */
sealed interface StepSource<P> {

    /** The step goes to the builder's {@link LlmProvider} chain. */
    record Providers<P>() implements StepSource<P> {}

    /** The step goes to the caller's model; retries and fallback are the model's. */
    record CallersModel<P>(ChatModel model) implements StepSource<P> {
        public CallersModel {
            Objects.requireNonNull(model, "model");
        }
    }

    /** The step is this implementation of its port. */
    record Port<P>(P port) implements StepSource<P> {
        public Port {
            Objects.requireNonNull(port, "port");
        }
    }

    /**
     * The source once the caller picks {@code wanted} for the step: a step gets one model or port of
     * its own, so only the default provider chain may be replaced.
     */
    default StepSource<P> replacedBy(StepSource<P> wanted, String step) {
        if (!(this instanceof Providers<P>)) {
            throw new IllegalStateException("the " + step + " step already has a model or port of its own");
        }
        return wanted;
    }
}
