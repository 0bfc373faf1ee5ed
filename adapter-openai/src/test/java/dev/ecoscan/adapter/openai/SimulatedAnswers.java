package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.simulator.LlmSimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The adapters pointed at a running simulator as one OpenAI-compatible endpoint, cache off, for answer tests. */
final class SimulatedAnswers {

    private SimulatedAnswers() {}

    static OpenAiAdapters adapters(LlmSimulator simulator, Taxonomy taxonomy, ModelCallRecorder calls) {
        StepLimits step = new StepLimits(Duration.ofSeconds(2), Duration.ofSeconds(10), 500);
        OpenAiSettings settings = new OpenAiSettings(
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
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50)),
                BreakerPolicy.standard(),
                false,
                100);
        return OpenAiAdapters.create(settings, taxonomy, calls, Clock.systemUTC());
    }
}
