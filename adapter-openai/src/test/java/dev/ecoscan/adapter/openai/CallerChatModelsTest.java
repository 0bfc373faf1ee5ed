package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.simulator.Fault;
import dev.ecoscan.simulator.LlmSimulator;
import dev.ecoscan.simulator.RequestKind;
import dev.ecoscan.simulator.SimulatorConfig;
import dev.ecoscan.testkit.PngText;
import dev.ecoscan.testkit.RecordingModelCalls;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vision step on a chat model the caller built: eco-scan's prompt, validation and repair, the caller's retries. */
class CallerChatModelsTest {

    private static final Taxonomy TAXONOMY = KnowledgeBase.embedded().taxonomy();

    private final RecordingModelCalls calls = new RecordingModelCalls();
    private LlmSimulator simulator;
    private Classifier classifier;

    @BeforeEach
    void startSimulatorAndCallersModel() {
        simulator = LlmSimulator.start(SimulatorConfig.instant());
        OpenAiChatModel callers = OpenAiChatModel.builder()
                .baseUrl(simulator.baseUrl())
                .apiKey("callers-key")
                .modelName("callers-vision-model")
                .maxRetries(0)
                .build();
        classifier = CallerChatModels.classifier(callers, TAXONOMY, calls, Clock.systemUTC());
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void a_sample_is_classified_through_the_callers_model_and_the_call_is_recorded_as_the_callers() throws IOException {
        String itemId = PngText.read(Files.readAllBytes(SampleFiles.SAMPLES.resolve("milk-carton.png")))
                .get(PngText.ITEM_KEY);
        ClassifierVerdict verdict = classifier.classify(vision());

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        ClassifierVerdict.Classified.class,
                        classified -> assertThat(classified
                                        .classification()
                                        .item()
                                        .orElseThrow()
                                        .id())
                                .isEqualTo(NodeId.of(itemId)));
        assertThat(calls.callsOf(Step.VISION))
                .singleElement()
                .extracting(ModelCall::endpoint, ModelCall::model)
                .containsExactly("caller", "callers-vision-model");
    }

    @Test
    void an_invalid_reply_still_gets_eco_scans_one_repair() {
        simulator.faults().nextFor(RequestKind.VISION, Fault.MALFORMED_JSON);

        assertThat(classifier.classify(vision())).isInstanceOf(ClassifierVerdict.Classified.class);
        assertThat(simulator.stats().requests().vision()).isEqualTo(2);
    }

    @Test
    void a_server_error_is_not_retried_by_eco_scan_because_retries_are_the_callers() {
        simulator.faults().nextFor(RequestKind.VISION, Fault.SERVER_ERROR);

        assertThat(classifier.classify(vision())).isInstanceOf(ClassifierVerdict.Failure.class);
        assertThat(simulator.stats().requests().vision()).isEqualTo(1);
    }

    @Test
    void a_passed_deadline_stops_the_step_before_any_call() {
        assertThat(classifier.classify(
                        SampleFiles.vision("milk-carton.png", Instant.now().minusSeconds(1))))
                .isInstanceOf(ClassifierVerdict.Failure.class);
        assertThat(simulator.stats().requests().vision()).isZero();
    }

    private static ClassificationRequest vision() {
        return SampleFiles.vision("milk-carton.png", Instant.now().plus(Duration.ofSeconds(30)));
    }
}
