package dev.ecoscan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.simulator.LlmSimulator;
import dev.ecoscan.simulator.SimulatorConfig;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine over real HTTP to the LLM simulator: through eco-scan's provider chain, and through a caller's ChatModel. */
class ScanEngineOverSimulatorTest {

    private static final UserId USER = new UserId("embedder-user");

    private LlmSimulator simulator;

    @BeforeEach
    void startSimulator() {
        simulator = LlmSimulator.start(SimulatorConfig.instant());
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void a_question_about_a_milk_carton_is_answered_through_the_provider_chain_and_metered() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ScanEngine engine = ScanEngine.builder()
                .provider(
                        LlmProvider.compatible(URI.create(simulator.baseUrl()), "test-key", "test-model", "test-model"))
                .meterRegistry(registry)
                .build()) {

            ScanOutcome outcome =
                    engine.scan(engine.request(Samples.inline("milk-carton.png"), USER, Optional.of("뚜껑은 어떻게 해요?")));

            assertThat(outcome).isInstanceOf(ScanOutcome.Completed.class);
            assertThat(simulator.stats().requests().vision()).isEqualTo(1);
            assertThat(simulator.stats().requests().answer()).isEqualTo(1);
            assertThat(registry.find("scan.pipeline.step.duration")
                            .tag("step", "vision")
                            .timer()
                            .count())
                    .isEqualTo(1);
        }
        assertThat(registry.isClosed()).isFalse();
    }

    @Test
    void both_steps_run_on_the_callers_chat_models() {
        OpenAiChatModel callers = OpenAiChatModel.builder()
                .baseUrl(simulator.baseUrl())
                .apiKey("callers-key")
                .modelName("callers-model")
                .build();
        try (ScanEngine engine =
                ScanEngine.builder().visionModel(callers).answerModel(callers).build()) {

            ScanOutcome outcome =
                    engine.scan(engine.request(Samples.inline("milk-carton.png"), USER, Optional.of("라벨은 떼야 해요?")));

            assertThat(outcome).isInstanceOf(ScanOutcome.Completed.class);
            assertThat(simulator.stats().requests().vision()).isEqualTo(1);
            assertThat(simulator.stats().requests().answer()).isEqualTo(1);
        }
    }
}
