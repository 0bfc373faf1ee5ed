package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.images.DownscalingImageSource;
import dev.ecoscan.adapter.images.ImageFetchPolicy;
import dev.ecoscan.adapter.images.LocalImageSource;
import dev.ecoscan.adapter.images.SafeUrlImageSource;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.adapter.openai.OpenAiAdapters;
import dev.ecoscan.adapter.openai.OpenAiSettings;
import dev.ecoscan.application.answer.HybridAnswerGenerator;
import dev.ecoscan.application.answer.TemplateAnswerGenerator;
import dev.ecoscan.application.calls.ModelCallLog;
import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.bootstrap.config.ImageSettings;
import dev.ecoscan.bootstrap.config.LimitSettings;
import dev.ecoscan.bootstrap.config.LlmSettings;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.port.ModelCallRecorder;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where settings pick the implementation of each driven port: the LLM adapters for
 * vision and answers ({@code ECO_SCAN_ANSWER_STRATEGY} picks llm, template or hybrid), the image
 * source, and through {@link RewardsModule} the rewards store; {@link #wiring} announces the choices.
 */
@Module(includes = {OpenAiModule.class, MetricsModule.class, HttpModule.class, RewardsModule.class})
interface PortsModule {

    /**
     * The command line keeps each scan's calls to print them; the service counts them and keeps them
     * only until the scan's log line names the endpoints that served it.
     */
    @Provides
    @Singleton
    static ModelCallRecorder modelCalls(Purpose purpose, Provider<ModelCallLog> log, Provider<EcoScanMetrics> metrics) {
        if (purpose != Purpose.SERVICE) {
            return log.get();
        }
        ModelCallRecorder counted = metrics.get();
        ModelCallLog kept = log.get();
        return call -> {
            counted.record(call);
            kept.record(call);
        };
    }

    @Provides
    @Singleton
    static ModelCallLog modelCallLog() {
        return new ModelCallLog();
    }

    @Provides
    @Singleton
    static Resources resources() {
        return new Resources();
    }

    /**
     * The service fetches only URLs its policy allows; the command line also reads local files. Either
     * way every image is held in the image budget and shrunk to what the vision model needs.
     */
    @Provides
    @Singleton
    static ImageSource imageSource(
            LimitSettings limits,
            Purpose purpose,
            Provider<ImageFetchPolicy> policy,
            Resources resources,
            ImageBudget budget) {
        ImageSource source;
        if (purpose == Purpose.SERVICE) {
            source = resources.register(new SafeUrlImageSource(policy.get(), budget));
        } else {
            Duration fetchTimeout = Duration.ofSeconds(10);
            source = new LocalImageSource(
                    limits.deadline().compareTo(fetchTimeout) < 0 ? limits.deadline() : fetchTimeout);
        }
        return resources.register(new DownscalingImageSource(source, budget));
    }

    /** The bound on image bytes in flight ({@link ImageSettings#maxBytesInFlight}). */
    @Provides
    @Singleton
    static ImageBudget imageBudget(ImageSettings images) {
        return new ImageBudget(images.maxBytesInFlight());
    }

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

    @Provides
    @Singleton
    static Wiring wiring(
            LlmSettings settings,
            LlmEndpoint endpoint,
            OpenAiSettings llm,
            Provider<OpenAiAdapters> adapters,
            Rewards rewards,
            ImageBudget images,
            PrintStream notices) {
        List<String> notes = new ArrayList<>();
        if (endpoint.simulated()) {
            notes.add("LLM: SIMULATED. No OPENAI_API_KEY or OPENAI_BASE_URL is set, so eco-scan started its built-in"
                    + " OpenAI-compatible simulator at " + endpoint.baseUrl() + " (latency x"
                    + settings.simulatorSpeedText() + ", ECO_SCAN_SIMULATOR_SPEED=0 makes it"
                    + " instant). For a real model set OPENAI_API_KEY (OpenAI), or OPENAI_BASE_URL (and a key if it"
                    + " needs one) for any OpenAI-compatible server.");
        }
        if (!endpoint.simulated() || llm.chain().size() > 1) {
            // The adapters are built here (not later, at the first scan) so that a refused parameter stops start-up.
            adapters.get().notes().forEach(note -> notes.add("LLM " + note));
        }
        notes.add("Answers: " + settings.answerStrategy().word() + " strategy; LLM cache "
                + (llm.cacheEnabled() ? "on" : "off") + ".");
        notes.add("Rewards: " + rewards.description() + ".");
        notes.add("Images: at most " + images.capacityText() + " held at once (ECO_SCAN_MAX_IMAGE_BYTES_IN_FLIGHT);"
                + " images over 1 MP are shrunk before the vision call.");
        notes.forEach(notices::println);
        return new Wiring(notes);
    }
}
