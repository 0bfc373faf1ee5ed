package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.langchain4j.model.chat.ChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The vision and answer steps on a LangChain4j {@link ChatModel} an embedding application built
 * itself (any provider LangChain4j supports). eco-scan's prompts, the scan's deadline, the reply's
 * validation against the taxonomy and the one repair call still apply; retries, fallback and the
 * model's parameters (name, token cap, sampling) are the caller's, configured on its model. The
 * answer is not streamed, and no result is cached: the caller's model may not be deterministic.
 */
public final class CallerChatModels {

    /** One attempt, no waiting: a caller's model retries by its own configuration, if at all. */
    private static final RetryConfig ONE_ATTEMPT =
            RetryConfig.custom().maxAttempts(1).failAfterMaxAttempts(false).build();

    /** Records no failure, so it never opens: a circuit over the caller's model is the caller's to want. */
    private static final CircuitBreakerConfig NEVER_OPENS =
            CircuitBreakerConfig.custom().recordException(error -> false).build();

    private CallerChatModels() {}

    /** The vision step on {@code model}, which must take images. */
    public static Classifier classifier(ChatModel model, Taxonomy taxonomy, ModelCallRecorder calls, Clock clock) {
        Objects.requireNonNull(taxonomy, "taxonomy");
        return new OpenAiClassifier(
                taxonomy,
                chain(model, Step.VISION, calls, clock),
                new ResultCache<OpenAiClassifier.VisionKey, ClassifierVerdict>(false, 1));
    }

    /** The answer step on {@code model}. */
    public static AnswerGenerator answers(ChatModel model, ModelCallRecorder calls, Clock clock) {
        return new OpenAiAnswerGenerator(
                chain(model, Step.ANSWER, calls, clock),
                new ResultCache<OpenAiAnswerGenerator.AnswerKey, AnswerResult>(false, 1));
    }

    private static StepChain chain(ChatModel model, Step step, ModelCallRecorder calls, Clock clock) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(clock, "clock");
        String name = "caller-" + step.label();
        return new StepChain(List.of(new EndpointCaller(
                CallSite.caller(model.provider()),
                step,
                model,
                Optional.empty(),
                RequestShape.ofCallersModel(model),
                Retry.of(name, ONE_ATTEMPT),
                CircuitBreaker.of(name, NEVER_OPENS),
                calls,
                new RefusalLog(),
                clock)));
    }
}
