package dev.ecoscan.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.bootstrap.TestCommandLineComponent;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer strategy decides whether the answer step calls the model; the simulator's /stats counts the calls. */
class AnswerStrategyWiringTest {

    @TempDir
    Path dataDir;

    private int engines;

    private static final Path SAMPLES = Path.of(System.getProperty("eco-scan.samples", "../samples"));

    @Test
    void the_template_strategy_makes_no_answer_call() throws Exception {
        assertThat(callsFor("template", null)).containsEntry("vision", 1L).containsEntry("answer", 0L);
    }

    @Test
    void the_llm_strategy_makes_one_answer_call() throws Exception {
        assertThat(callsFor("llm", null)).containsEntry("vision", 1L).containsEntry("answer", 1L);
    }

    @Test
    void the_hybrid_strategy_calls_the_model_only_for_a_question() throws Exception {
        assertThat(callsFor("hybrid", null)).containsEntry("answer", 0L);
        assertThat(callsFor("hybrid", "뚜껑은 어떻게 버려요?")).containsEntry("answer", 1L);
    }

    @Test
    void an_external_provider_is_used_instead_of_the_built_in_simulator() throws Exception {
        try (Resources other = new Resources()) {
            TestCommandLineComponent simulatorHost = component(Map.of());
            other.register(simulatorHost.resources());
            URI external = simulatorHost.llmEndpoint().baseUrl();

            TestCommandLineComponent engine =
                    component(Map.of("OPENAI_BASE_URL", external.toString(), "OPENAI_API_KEY", "k"));
            other.register(engine.resources());

            assertThat(engine.llmEndpoint().simulated()).isFalse();
            assertThat(engine.scanWaste().scan(request(engine, null))).isInstanceOf(ScanOutcome.Completed.class);
            assertThat(stats(external).at("/requests/vision").asLong()).isEqualTo(1);
        }
    }

    private Map<String, Long> callsFor(String strategy, String question) throws Exception {
        TestCommandLineComponent engine = component(Map.of("ECO_SCAN_ANSWER_STRATEGY", strategy));
        try {
            ScanOutcome outcome = engine.scanWaste().scan(request(engine, question));
            assertThat(outcome).isInstanceOf(ScanOutcome.Completed.class);
            JsonNode stats = stats(engine.llmEndpoint().baseUrl());
            return Map.of(
                    "vision",
                    stats.at("/requests/vision").asLong(),
                    "answer",
                    stats.at("/requests/answer").asLong());
        } finally {
            engine.resources().close();
        }
    }

    private TestCommandLineComponent component(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "ECO_SCAN_CONFIG",
                "/dev/null",
                "ECO_SCAN_SIMULATOR_SPEED",
                "0",
                "ECO_SCAN_CACHE",
                "off",
                "ECO_SCAN_DATA_DIR",
                dataDir.resolve("engine-" + engines++).toString()));
        env.putAll(extra);
        return TestCommandLineComponent.create(Settings.from(env));
    }

    private static ScanRequest request(TestCommandLineComponent engine, String question) {
        return new ScanRequest(
                ScanId.random(),
                new ImageReference.File(SAMPLES.resolve("milk-carton.png")),
                Optional.ofNullable(question),
                new UserId("wiring-test"),
                Instant.now().plusSeconds(30));
    }

    /** The simulator's counters, next to its /v1 base URL. */
    private static JsonNode stats(URI baseUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(baseUrl.resolve("/stats")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}
