package dev.ecoscan.adapter.openai;

import dev.ecoscan.adapter.openai.ProviderEndpoint.Stage;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the OpenAI-compatible classifier and answer generator from settings: one chat model per
 * endpoint and step, each endpoint with its own circuit breaker and retry (named {@code llm-NAME}
 * in the registries, whose metrics the caller may export), and each step a chain over the endpoints.
 *
 * @param notes what the banner should say about the chain (profiles, models, parameters not sent)
 */
public record OpenAiAdapters(Classifier classifier, AnswerGenerator answers, List<String> notes) {

    public OpenAiAdapters {
        notes = List.copyOf(notes);
    }

    /** The adapters with registries of their own (nothing exports their metrics). */
    public static OpenAiAdapters create(
            OpenAiSettings settings, Taxonomy taxonomy, ModelCallRecorder calls, Clock clock) {
        return create(
                settings, taxonomy, calls, clock, CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults());
    }

    /**
     * @throws IllegalArgumentException when a setting asks for a parameter a configured model refuses
     */
    public static OpenAiAdapters create(
            OpenAiSettings settings,
            Taxonomy taxonomy,
            ModelCallRecorder calls,
            Clock clock,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries) {
        RefusalLog refusals = new RefusalLog();
        List<EndpointCaller> vision = new ArrayList<>();
        List<EndpointCaller> answer = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ProviderEndpoint endpoint : settings.chain()) {
            CircuitBreaker breaker = breakers.circuitBreaker(
                    "llm-" + endpoint.name(), settings.breaker().config());
            Retry retry =
                    retries.retry("llm-" + endpoint.name(), settings.retries().config(clock));
            RequestShape visionShape = new RequestShape(endpoint, Stage.VISION, settings.vision(), settings.sampling());
            RequestShape answerShape = new RequestShape(endpoint, Stage.ANSWER, settings.answer(), settings.sampling());
            vision.add(new EndpointCaller(
                    CallSite.of(endpoint),
                    Step.VISION,
                    chatModel(endpoint, settings.vision()),
                    Optional.empty(),
                    visionShape,
                    retry,
                    breaker,
                    calls,
                    refusals,
                    clock));
            answer.add(new EndpointCaller(
                    CallSite.of(endpoint),
                    Step.ANSWER,
                    chatModel(endpoint, settings.answer()),
                    // The answer is streamed to whoever reads it as it is written (an async job's events).
                    Optional.of(new StreamedChat(
                            streamingModel(endpoint, settings.answer()),
                            settings.answer().readTimeout(),
                            clock)),
                    answerShape,
                    retry,
                    breaker,
                    calls,
                    refusals,
                    clock));
            notes.add(endpoint.name() + ": " + endpoint.provider().setting() + " at " + endpoint.baseUrl() + "; vision "
                    + visionShape.describe() + ", answer " + answerShape.describe());
            visionShape.notes().forEach(note -> notes.add("  note: " + note));
            answerShape.notes().stream()
                    .filter(note -> !visionShape.notes().contains(note))
                    .forEach(note -> notes.add("  note: " + note));
        }
        return new OpenAiAdapters(
                new OpenAiClassifier(
                        taxonomy,
                        new StepChain(vision),
                        new ResultCache<OpenAiClassifier.VisionKey, ClassifierVerdict>(
                                settings.cacheEnabled(), settings.cacheSize())),
                new OpenAiAnswerGenerator(
                        new StepChain(answer),
                        new ResultCache<OpenAiAnswerGenerator.AnswerKey, AnswerResult>(
                                settings.cacheEnabled(), settings.cacheSize())),
                notes);
    }

    /** The same endpoint, client and schema strictness as {@link #chatModel}, for streamed calls. */
    private static StreamingChatModel streamingModel(ProviderEndpoint endpoint, StepLimits limits) {
        boolean azure = endpoint.provider() == Provider.AZURE_OPENAI;
        OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder builder = OpenAiStreamingChatModel.builder()
                .baseUrl(endpoint.baseUrl().toString())
                .apiKey(azure ? null : endpoint.apiKey())
                .httpClientBuilder(new RetryAfterHttpClientBuilder(
                        endpoint.baseUrl(), limits.connectTimeout(), limits.readTimeout()));
        if (azure) {
            builder.customHeaders(Map.of("api-key", endpoint.apiKey()))
                    .customQueryParams(
                            Map.of("api-version", endpoint.azureApiVersion().orElseThrow()));
        }
        return builder.strictJsonSchema(endpoint.output() == StructuredOutput.JSON_SCHEMA)
                .build();
    }

    private static ChatModel chatModel(ProviderEndpoint endpoint, StepLimits limits) {
        boolean azure = endpoint.provider() == Provider.AZURE_OPENAI;
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .baseUrl(endpoint.baseUrl().toString())
                // Azure takes its key as api-key; LangChain4j sends a bearer header only when given a key.
                .apiKey(azure ? null : endpoint.apiKey())
                .httpClientBuilder(new RetryAfterHttpClientBuilder(
                        endpoint.baseUrl(), limits.connectTimeout(), limits.readTimeout()))
                // Retries live in EndpointCaller, which honours Retry-After and the scan's deadline.
                .maxRetries(0);
        if (azure) {
            builder.customHeaders(Map.of("api-key", endpoint.apiKey()))
                    .customQueryParams(
                            Map.of("api-version", endpoint.azureApiVersion().orElseThrow()));
        }
        if (endpoint.output() == StructuredOutput.JSON_SCHEMA) {
            builder.strictJsonSchema(true).supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        }
        return builder.build();
    }
}
