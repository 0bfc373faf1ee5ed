package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.openai.BreakerPolicy;
import dev.ecoscan.adapter.openai.OpenAiAdapters;
import dev.ecoscan.adapter.openai.OpenAiSettings;
import dev.ecoscan.adapter.openai.ReasoningEffort;
import dev.ecoscan.adapter.openai.RetryPolicy;
import dev.ecoscan.adapter.openai.Sampling;
import dev.ecoscan.adapter.openai.StepLimits;
import dev.ecoscan.bootstrap.config.Setting;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.config.SettingsException;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.simulator.FaultRates;
import dev.ecoscan.simulator.LlmSimulator;
import dev.ecoscan.simulator.SimulatorConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The OpenAI-compatible adapters over the provider chain. With neither {@code OPENAI_API_KEY} nor
 * {@code OPENAI_BASE_URL} set, eco-scan starts its LLM simulator on a loopback port and points the
 * real adapter at it, so the default path is the production path, over HTTP, with simulated latency.
 */
@Module
interface OpenAiModule {

    @Provides
    @Singleton
    static LlmEndpoint endpoint(Settings settings, Resources resources) {
        if (settings.providerConfigured()) {
            return new LlmEndpoint(
                    URI.create(settings.text(Setting.OPENAI_BASE_URL, ProviderChain.OPENAI_BASE_URL)),
                    settings.text(Setting.OPENAI_API_KEY, ProviderChain.NO_KEY),
                    false);
        }
        settings.requireProviderUnlessDev();
        SimulatorConfig config = SimulatorConfig.defaults()
                .withPort(0)
                .withSpeed(settings.decimal(Setting.ECO_SCAN_SIMULATOR_SPEED).orElse(1.0))
                .withFaultRates(FaultRates.parse(settings.text(Setting.ECO_SCAN_SIMULATOR_FAULTS, "none")));
        LlmSimulator simulator = resources.register(LlmSimulator.start(config));
        return new LlmEndpoint(URI.create(simulator.baseUrl()), "simulator", true);
    }

    /** Circuit breakers of every endpoint and service; the metrics export them. */
    @Provides
    @Singleton
    static CircuitBreakerRegistry circuitBreakers() {
        return CircuitBreakerRegistry.ofDefaults();
    }

    /** Retries of every endpoint and service; the metrics export them. */
    @Provides
    @Singleton
    static RetryRegistry retries() {
        return RetryRegistry.ofDefaults();
    }

    @Provides
    @Singleton
    static OpenAiSettings openAiSettings(Settings settings, LlmEndpoint primary) {
        return new OpenAiSettings(
                ProviderChain.of(settings, primary),
                new StepLimits(
                        settings.duration(Setting.ECO_SCAN_VISION_CONNECT_TIMEOUT, Duration.ofSeconds(5)),
                        settings.duration(Setting.ECO_SCAN_VISION_READ_TIMEOUT, Duration.ofSeconds(20)),
                        settings.integer(Setting.ECO_SCAN_VISION_MAX_TOKENS, 300)),
                new StepLimits(
                        settings.duration(Setting.ECO_SCAN_ANSWER_CONNECT_TIMEOUT, Duration.ofSeconds(5)),
                        settings.duration(Setting.ECO_SCAN_ANSWER_READ_TIMEOUT, Duration.ofSeconds(30)),
                        settings.integer(Setting.ECO_SCAN_ANSWER_MAX_TOKENS, 500)),
                new Sampling(
                        settings.decimal(Setting.ECO_SCAN_TEMPERATURE),
                        settings.value(Setting.ECO_SCAN_REASONING_EFFORT).flatMap(ReasoningEffort::parse)),
                new RetryPolicy(
                        settings.integer(Setting.ECO_SCAN_LLM_RETRIES, 2),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(8)),
                BreakerPolicy.standard(),
                settings.text(Setting.ECO_SCAN_CACHE, "on").equals("on"),
                settings.integer(Setting.ECO_SCAN_CACHE_SIZE, 10_000));
    }

    @Provides
    @Singleton
    static OpenAiAdapters adapters(
            OpenAiSettings settings,
            Taxonomy taxonomy,
            ModelCallRecorder calls,
            Clock clock,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries) {
        try {
            return OpenAiAdapters.create(settings, taxonomy, calls, clock, breakers, retries);
        } catch (IllegalArgumentException e) {
            // A parameter a configured model refuses is a setting to change, found before any request.
            throw new SettingsException(e.getMessage(), e);
        }
    }
}
