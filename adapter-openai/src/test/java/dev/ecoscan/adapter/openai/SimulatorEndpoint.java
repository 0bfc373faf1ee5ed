package dev.ecoscan.adapter.openai;

import dev.ecoscan.simulator.LlmSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Adapter settings for a running simulator as the one OpenAI-compatible endpoint, both steps alike. */
final class SimulatorEndpoint {

    private SimulatorEndpoint() {}

    /**
     * @param maxTokens the output cap of each step
     * @param retries   retries of a 429 or 5xx, 10-50 ms apart
     * @param cache     whether the result cache is on
     */
    static OpenAiSettings settings(LlmSimulator simulator, int maxTokens, int retries, boolean cache) {
        StepLimits step = new StepLimits(Duration.ofSeconds(2), Duration.ofSeconds(10), maxTokens);
        return new OpenAiSettings(
                List.of(ProviderEndpoint.of(
                        "primary",
                        Provider.OPENAI_COMPATIBLE,
                        URI.create(simulator.baseUrl()),
                        "test-key",
                        "test-model",
                        "test-model")),
                step,
                step,
                new Sampling(Optional.of(0.0), Optional.empty()),
                new RetryPolicy(retries, Duration.ofMillis(10), Duration.ofMillis(50)),
                BreakerPolicy.standard(),
                cache,
                100);
    }
}
