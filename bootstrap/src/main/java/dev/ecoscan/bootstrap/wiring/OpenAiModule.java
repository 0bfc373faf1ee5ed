package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.openai.OpenAiAdapters;
import dev.ecoscan.adapter.openai.OpenAiSettings;
import dev.ecoscan.adapter.openai.RetryPolicy;
import dev.ecoscan.adapter.openai.StepModel;
import dev.ecoscan.bootstrap.config.Setting;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.simulator.FaultRates;
import dev.ecoscan.simulator.LlmSimulator;
import dev.ecoscan.simulator.SimulatorConfig;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The OpenAI-compatible adapters. With neither {@code OPENAI_API_KEY} nor {@code OPENAI_BASE_URL}
 * set, eco-scan starts its LLM simulator on a loopback port and points the real adapter at it, so
 * the default path is the production path, over HTTP, with simulated latency.
 */
@Module
interface OpenAiModule {

    String DEFAULT_MODEL = "gpt-4.1-mini";
    String OPENAI_BASE_URL = "https://api.openai.com/v1";

    @Provides
    @Singleton
    static LlmEndpoint endpoint(Settings settings, Resources resources) {
        if (settings.providerConfigured()) {
            return new LlmEndpoint(URI.create(settings.text(Setting.OPENAI_BASE_URL, OPENAI_BASE_URL)),
                    // Local OpenAI-compatible servers usually want no key, but the client sends one.
                    settings.text(Setting.OPENAI_API_KEY, "not-needed"), false);
        }
        SimulatorConfig config = SimulatorConfig.defaults()
                .withPort(0)
                .withSpeed(settings.decimal(Setting.ECO_SCAN_SIMULATOR_SPEED).orElse(1.0))
                .withFaultRates(FaultRates.parse(settings.text(Setting.ECO_SCAN_SIMULATOR_FAULTS, "none")));
        LlmSimulator simulator = resources.register(LlmSimulator.start(config));
        return new LlmEndpoint(URI.create(simulator.baseUrl()), "simulator", true);
    }

    @Provides
    @Singleton
    static OpenAiSettings openAiSettings(Settings settings, LlmEndpoint endpoint) {
        return new OpenAiSettings(endpoint.baseUrl(), endpoint.apiKey(),
                new StepModel(settings.text(Setting.ECO_SCAN_VISION_MODEL, DEFAULT_MODEL),
                        settings.duration(Setting.ECO_SCAN_VISION_CONNECT_TIMEOUT, Duration.ofSeconds(5)),
                        settings.duration(Setting.ECO_SCAN_VISION_READ_TIMEOUT, Duration.ofSeconds(20)),
                        settings.integer(Setting.ECO_SCAN_VISION_MAX_TOKENS, 300),
                        settings.decimal(Setting.ECO_SCAN_TEMPERATURE)),
                new StepModel(settings.text(Setting.ECO_SCAN_ANSWER_MODEL, DEFAULT_MODEL),
                        settings.duration(Setting.ECO_SCAN_ANSWER_CONNECT_TIMEOUT, Duration.ofSeconds(5)),
                        settings.duration(Setting.ECO_SCAN_ANSWER_READ_TIMEOUT, Duration.ofSeconds(30)),
                        settings.integer(Setting.ECO_SCAN_ANSWER_MAX_TOKENS, 500),
                        settings.decimal(Setting.ECO_SCAN_TEMPERATURE)),
                new RetryPolicy(settings.integer(Setting.ECO_SCAN_LLM_RETRIES, 2), Duration.ofMillis(500),
                        Duration.ofSeconds(8)),
                settings.text(Setting.ECO_SCAN_CACHE, "on").equals("on"),
                settings.integer(Setting.ECO_SCAN_CACHE_SIZE, 10_000));
    }

    @Provides
    @Singleton
    static OpenAiAdapters adapters(OpenAiSettings settings, Taxonomy taxonomy, ImageSource images,
                                   ModelCallRecorder calls, Clock clock) {
        return OpenAiAdapters.create(settings, taxonomy, images, calls, clock);
    }
}
