package dev.ecoscan.engine;

import dev.ecoscan.adapter.openai.CallerChatModels;
import dev.ecoscan.adapter.openai.OpenAiAdapters;
import dev.ecoscan.adapter.openai.OpenAiSettings;
import dev.ecoscan.adapter.openai.Provider;
import dev.ecoscan.adapter.openai.ProviderEndpoint;
import dev.ecoscan.application.answer.HybridAnswerGenerator;
import dev.ecoscan.application.answer.TemplateAnswerGenerator;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vision and answer ports from the builder's choices. An LLM answer is used as the service uses
 * it by default ({@code ECO_SCAN_ANSWER_STRATEGY=hybrid}): the rule's template when the person asked
 * nothing, the model when they asked a question. A port the caller supplies is used as it is.
 */
record LlmSteps(Classifier classifier, AnswerGenerator answers) {

    static LlmSteps of(
            EngineOptions options,
            Taxonomy taxonomy,
            ModelCallRecorder calls,
            Clock clock,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries) {
        // Built only when a step uses it: a chain nobody calls would only hold connections.
        Optional<OpenAiAdapters> chain = options.provider()
                .map(primary -> OpenAiAdapters.create(
                        OpenAiSettings.standard(endpoints(options)), taxonomy, calls, clock, breakers, retries));
        Classifier classifier = switch (options.vision()) {
            case StepSource.Providers<Classifier> p -> chain.orElseThrow().classifier();
            case StepSource.CallersModel<Classifier> m ->
                CallerChatModels.classifier(m.model(), taxonomy, calls, clock);
            case StepSource.Port<Classifier> p -> p.port();
        };
        AnswerGenerator answers = switch (options.answer()) {
            case StepSource.Providers<AnswerGenerator> p ->
                hybrid(chain.orElseThrow().answers());
            case StepSource.CallersModel<AnswerGenerator> m ->
                hybrid(CallerChatModels.answers(m.model(), calls, clock));
            case StepSource.Port<AnswerGenerator> p -> p.port();
        };
        return new LlmSteps(classifier, answers);
    }

    private static AnswerGenerator hybrid(AnswerGenerator llm) {
        return new HybridAnswerGenerator(new TemplateAnswerGenerator(), llm);
    }

    private static List<ProviderEndpoint> endpoints(EngineOptions options) {
        List<ProviderEndpoint> chain = new ArrayList<>();
        endpoint("primary", options.provider()).ifPresent(chain::add);
        endpoint("fallback", options.fallback()).ifPresent(chain::add);
        return chain;
    }

    private static Optional<ProviderEndpoint> endpoint(String name, Optional<LlmProvider> provider) {
        return provider.map(p -> ProviderEndpoint.of(
                name,
                p.kind() == LlmProvider.Kind.OPENAI ? Provider.OPENAI : Provider.OPENAI_COMPATIBLE,
                p.baseUrl(),
                p.apiKey(),
                p.visionModel(),
                p.answerModel()));
    }
}
