package com.example.recycling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.engine.LlmProvider;
import dev.ecoscan.engine.ScanEngine;
import dev.ecoscan.simulator.LlmSimulator;
import dev.ecoscan.simulator.SimulatorConfig;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The milk carton and a question through eco-scan's provider chain, over HTTP to the LLM simulator. */
class RecyclingAdvisorOverSimulatorTest {

    @Test
    void a_question_about_a_milk_carton_is_answered_by_the_model() {
        try (LlmSimulator simulator = LlmSimulator.start(SimulatorConfig.instant());
                ScanEngine engine = ScanEngine.builder()
                        .provider(LlmProvider.compatible(
                                URI.create(simulator.baseUrl()), "any-key", "test-model", "test-model"))
                        .build()) {

            String advice = new RecyclingAdvisor(engine)
                    .advise(MilkCarton.png(), "host-user", Optional.of("뚜껑은 어떻게 버려요?"));

            assertThat(advice).isNotBlank().doesNotStartWith("no advice").doesNotStartWith("eco-scan failed");
            assertThat(simulator.stats().requests().vision()).isEqualTo(1);
            assertThat(simulator.stats().requests().answer()).isEqualTo(1);
        }
    }
}
