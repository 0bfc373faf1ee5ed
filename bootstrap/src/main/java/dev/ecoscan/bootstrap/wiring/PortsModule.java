package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.openai.OpenAiAdapters;
import dev.ecoscan.application.answer.HybridAnswerGenerator;
import dev.ecoscan.application.answer.TemplateAnswerGenerator;
import dev.ecoscan.bootstrap.config.LlmSettings;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.Classifier;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * The one place where settings pick the implementation of each driven port of a scan: the LLM
 * adapters for vision and answers ({@code ECO_SCAN_ANSWER_STRATEGY} picks llm, template or hybrid)
 * and, through {@link RewardsModule}, the rewards store. The image source is the command's to pick.
 */
@Module(includes = {OpenAiModule.class, RewardsModule.class})
interface PortsModule {

    @Provides
    static Classifier classifier(OpenAiAdapters llm) {
        return llm.classifier();
    }

    /** The template needs no model; the LLM adapter is only built when a strategy uses it. */
    @Provides
    @Singleton
    static AnswerGenerator answers(LlmSettings settings, Provider<OpenAiAdapters> llm) {
        return switch (settings.answerStrategy()) {
            case TEMPLATE -> new TemplateAnswerGenerator();
            case HYBRID ->
                new HybridAnswerGenerator(
                        new TemplateAnswerGenerator(), llm.get().answers());
            case LLM -> llm.get().answers();
        };
    }
}
