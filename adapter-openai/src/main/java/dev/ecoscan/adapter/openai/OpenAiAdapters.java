package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Clock;

/** Builds the OpenAI-compatible classifier and answer generator from settings. */
public record OpenAiAdapters(Classifier classifier, AnswerGenerator answers) {

    public static OpenAiAdapters create(OpenAiSettings settings, Taxonomy taxonomy, ImageSource images,
                                        ModelCallRecorder calls, Clock clock) {
        ProviderCaller vision = new ProviderCaller(chatModel(settings, settings.vision()), settings.vision().model(),
                Step.VISION, settings.retries(), calls, clock);
        ProviderCaller answer = new ProviderCaller(chatModel(settings, settings.answer()), settings.answer().model(),
                Step.ANSWER, settings.retries(), calls, clock);
        return new OpenAiAdapters(
                new OpenAiClassifier(images, taxonomy, vision, settings.vision(),
                        new ResultCache<OpenAiClassifier.VisionKey, ClassifierVerdict>(settings.cacheEnabled(),
                                settings.cacheSize())),
                new OpenAiAnswerGenerator(answer, settings.answer(),
                        new ResultCache<OpenAiAnswerGenerator.AnswerKey, AnswerResult>(settings.cacheEnabled(),
                                settings.cacheSize())));
    }

    private static ChatModel chatModel(OpenAiSettings settings, StepModel step) {
        return OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl().toString())
                .apiKey(settings.apiKey())
                .modelName(step.model())
                .httpClientBuilder(new RetryAfterHttpClientBuilder(step.connectTimeout(), step.readTimeout()))
                // Retries live in ProviderCaller, which honours Retry-After and the scan's deadline.
                .maxRetries(0)
                .strictJsonSchema(true)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .build();
    }
}
