package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.openai.BreakerPolicy;
import dev.ecoscan.adapter.openai.OpenAiAdapters;
import dev.ecoscan.adapter.openai.OpenAiSettings;
import dev.ecoscan.adapter.openai.RetryPolicy;
import dev.ecoscan.adapter.openai.Sampling;
import dev.ecoscan.adapter.openai.StepLimits;
import dev.ecoscan.bootstrap.config.LlmSettings;
import dev.ecoscan.bootstrap.config.ProviderSettings;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.config.SettingsException;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.port.ModelCallTracer;
import dev.ecoscan.domain.taxonomy.Taxonomy;
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
    static LlmEndpoint endpoint(Settings settings, LlmSettings llm, Resources resources) {
        ProviderSettings provider = settings.provider();
        if (!provider.simulated()) {
            return new LlmEndpoint(provider.primaryUrl(), provider.apiKey().orElse(ProviderChain.NO_KEY), false);
        }
        settings.requireProviderUnlessDev();
        SimulatorConfig config = SimulatorConfig.defaults()
                .withPort(0)
                .withSpeed(llm.simulatorSpeed())
                .withFaultRates(llm.simulatorFaults());
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
    static OpenAiSettings openAiSettings(ProviderSettings provider, LlmSettings llm, LlmEndpoint primary) {
        return new OpenAiSettings(
                ProviderChain.of(provider, primary),
                new StepLimits(llm.visionConnectTimeout(), llm.visionReadTimeout(), llm.visionMaxTokens()),
                new StepLimits(llm.answerConnectTimeout(), llm.answerReadTimeout(), llm.answerMaxTokens()),
                new Sampling(llm.temperature(), llm.reasoningEffort()),
                new RetryPolicy(llm.retries(), Duration.ofMillis(500), Duration.ofSeconds(8)),
                BreakerPolicy.standard(),
                llm.cache(),
                llm.cacheSize());
    }

    @Provides
    @Singleton
    static OpenAiAdapters adapters(
            OpenAiSettings settings,
            Taxonomy taxonomy,
            ModelCallRecorder calls,
            ModelCallTracer tracer,
            Clock clock,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries) {
        try {
            return OpenAiAdapters.create(settings, taxonomy, calls, tracer, clock, breakers, retries);
        } catch (IllegalArgumentException e) {
            // A parameter a configured model refuses is a setting to change, found before any request.
            throw new SettingsException(e.getMessage(), e);
        }
    }
}
