package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.testkit.RecordingModelCalls;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testservers.UvicornOpenAiServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapters against an OpenAI-compatible server nobody here wrote the HTTP stack of: a FastAPI app
 * on Debian's uvicorn, which refuses an h2c upgrade and enforces OpenAI's documented parameter rules
 * (max_tokens and temperature refused by reasoning models, strict-schema limits, JSON mode's rule).
 * Each scan must leave the server with no refused request.
 */
class ForeignProviderConformanceTest {

    private static final Path SAMPLES = SampleFiles.SAMPLES;
    private static UvicornOpenAiServer server;

    private final RecordingModelCalls calls = new RecordingModelCalls();

    @BeforeAll
    static void start() throws Exception {
        server = UvicornOpenAiServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void clear() {
        server.clearRequests();
        server.clearScript();
    }

    @Test
    void the_server_is_a_peer_that_refuses_an_h2c_upgrade_so_these_tests_cannot_pass_vacuously() throws IOException {
        String body = "{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        String reply = server.rawExchange("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

        assertThat(reply).startsWith("HTTP/1.1 400");
    }

    @Test
    void a_name_outside_the_data_completes_the_scan_with_the_categorys_rule_and_no_guessed_item() {
        String vision = "{\"major\":\"재활용폐기물\",\"middle\":\"종이\",\"item\":\"우주선 모형 설명서\",\"tags\":[]}";
        server.script("[{\"status\":200,\"body\":" + StrictReplies.completion("gpt-4.1-mini", vision) + "}]");
        OpenAiAdapters adapters =
                adapters(endpoint("gpt-4.1-mini", StructuredOutput.JSON_SCHEMA), Sampling.providerDefaults());

        ScanOutcome outcome = ScanTestKit.pipeline()
                .images(SampleFiles.files())
                .classifier(adapters.classifier())
                .answers(adapters.answers())
                .build()
                .scan(SAMPLES.resolve("milk-carton.png").toString());

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Completed.class, done -> {
            assertThat(done.classification().item()).as("no item is guessed").isEmpty();
            assertThat(done.classification().path().ruleNode().name()).isEqualTo("종이");
            assertThat(done.classification().unmatchedName()).contains("우주선 모형 설명서");
            assertThat(done.rule().key().value()).isEqualTo("재활용폐기물_종이");
        });
        assertThat(server.refusedCount()).isZero();
        assertThat(chatRequests()).hasSize(2);
    }

    @Test
    void a_whole_scan_on_gpt_5_1_completes_and_the_server_refuses_nothing() {
        OpenAiAdapters adapters = adapters(
                endpoint("gpt-5.1", StructuredOutput.JSON_SCHEMA),
                new Sampling(Optional.of(0.2), Optional.of(ReasoningEffort.NONE)));

        ScanOutcome outcome = ScanTestKit.pipeline()
                .images(SampleFiles.files())
                .classifier(adapters.classifier())
                .answers(adapters.answers())
                .build()
                .scan(SAMPLES.resolve("milk-carton.png").toString());

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Completed.class, done -> {
            assertThat(done.classification().item().orElseThrow().name()).isEqualTo("우유팩");
            assertThat(done.reward()).isInstanceOf(RewardOutcome.Granted.class);
        });
        assertThat(server.refusedCount()).isZero();
        List<JsonNode> chats = chatRequests();
        assertThat(chats).hasSize(2).allSatisfy(request -> {
            assertThat(request.path("max_completion_tokens").isInt()).isTrue();
            assertThat(request.has("max_tokens")).isFalse();
            assertThat(request.has("temperature"))
                    .as("never a temperature to a reasoning model")
                    .isFalse();
            assertThat(request.path("reasoning_effort").asText()).isEqualTo("none");
            assertThat(request.path("headers").has("upgrade")).isFalse();
        });
    }

    @Test
    void a_standard_model_gets_its_temperature_and_no_reasoning_effort_and_is_accepted() {
        OpenAiAdapters adapters = adapters(
                endpoint("gpt-4.1-mini", StructuredOutput.JSON_SCHEMA),
                new Sampling(Optional.of(0.2), Optional.of(ReasoningEffort.LOW)));

        assertThat(adapters.classifier().classify(milkCarton())).isInstanceOf(ClassifierVerdict.Classified.class);

        assertThat(server.refusedCount()).isZero();
        assertThat(chatRequests()).singleElement().satisfies(request -> {
            assertThat(request.path("temperature").asDouble()).isEqualTo(0.2);
            assertThat(request.has("reasoning_effort")).isFalse();
        });
    }

    @Test
    void the_strict_vision_schema_is_within_openais_limits() {
        OpenAiAdapters adapters =
                adapters(endpoint("gpt-4.1-mini", StructuredOutput.JSON_SCHEMA), Sampling.providerDefaults());

        assertThat(adapters.classifier().classify(milkCarton())).isInstanceOf(ClassifierVerdict.Classified.class);

        assertThat(server.refusedCount())
                .as("the server checks additionalProperties, required and enum limits")
                .isZero();
        assertThat(chatRequests()
                        .getFirst()
                        .at("/response_format/json_schema/strict")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void a_provider_error_body_never_reaches_the_failure_detail() {
        server.script("[{\"status\":401,\"body\":{\"error\":{\"message\":\"Incorrect API key provided: sk-pro****.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}}]");
        OpenAiAdapters adapters =
                adapters(endpoint("gpt-4.1-mini", StructuredOutput.JSON_SCHEMA), Sampling.providerDefaults());

        ClassifierVerdict verdict = adapters.classifier().classify(milkCarton());

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        ClassifierVerdict.Failure.class,
                        failure -> assertThat(failure.detail())
                                .contains("401")
                                .doesNotContain("Incorrect API key")
                                .doesNotContain("sk-pro"));
    }

    @Test
    void azure_deployments_are_reached_with_api_version_and_api_key() {
        ProviderEndpoint azure = new ProviderEndpoint(
                "primary",
                Provider.AZURE_OPENAI,
                URI.create(server.root() + "/openai/deployments/gpt-41-mini"),
                "azure-key",
                "gpt-4.1-mini",
                "gpt-4.1-mini",
                Optional.of("2024-10-21"),
                StructuredOutput.JSON_SCHEMA,
                TokenParameter.MAX_COMPLETION_TOKENS);

        assertThat(adapters(azure, Sampling.providerDefaults()).classifier().classify(milkCarton()))
                .isInstanceOf(ClassifierVerdict.Classified.class);
        assertThat(server.refusedCount()).isZero();
    }

    @Test
    void a_server_without_strict_schemas_is_served_in_json_mode_with_eco_scans_own_validation() throws Exception {
        try (UvicornOpenAiServer lenient = UvicornOpenAiServer.start(Map.of("FAKE_OPENAI_NO_STRICT", "1"))) {
            ProviderEndpoint endpoint = new ProviderEndpoint(
                    "primary",
                    Provider.OPENAI_COMPATIBLE,
                    URI.create(lenient.baseUrl()),
                    "key",
                    "llama3.2-vision",
                    "llama3.2-vision",
                    Optional.empty(),
                    StructuredOutput.JSON_OBJECT,
                    TokenParameter.MAX_TOKENS);
            OpenAiAdapters adapters = adapters(endpoint, Sampling.providerDefaults());

            ScanOutcome outcome = ScanTestKit.pipeline()
                    .images(SampleFiles.files())
                    .classifier(adapters.classifier())
                    .answers(adapters.answers())
                    .build()
                    .scan(SAMPLES.resolve("milk-carton.png").toString());

            assertThat(outcome).isInstanceOf(ScanOutcome.Completed.class);
            assertThat(lenient.refusedCount()).isZero();
            assertThat(lenient.requests())
                    .filteredOn(r -> r.path("path").asText().endsWith("/chat/completions"))
                    .allSatisfy(r -> {
                        assertThat(r.at("/body/response_format/type").asText()).isEqualTo("json_object");
                        assertThat(r.at("/body/max_tokens").isInt()).isTrue();
                    });
        }
    }

    @Test
    void a_streamed_answer_on_gpt_5_1_arrives_in_pieces_that_join_to_the_answer_and_nothing_is_refused() {
        OpenAiAdapters adapters = adapters(
                endpoint("gpt-5.1", StructuredOutput.JSON_SCHEMA),
                new Sampling(Optional.of(0.2), Optional.of(ReasoningEffort.NONE)));
        ClassifierVerdict.Classified milk =
                (ClassifierVerdict.Classified) adapters.classifier().classify(milkCarton());
        List<AnswerDelta> deltas = new CopyOnWriteArrayList<>();
        server.clearRequests();

        AnswerResult result = adapters.answers()
                .answer(new AnswerRequest(
                        ScanId.random(),
                        milk.classification(),
                        KnowledgeBase.embedded()
                                .rules()
                                .find(milk.classification())
                                .orElseThrow(),
                        Optional.of("뚜껑은 어떻게 버려요?"),
                        Instant.now().plusSeconds(20),
                        deltas::add));

        assertThat(result)
                .isInstanceOfSatisfying(
                        AnswerResult.Answered.class,
                        answered -> assertThat(
                                        deltas.stream().map(AnswerDelta::text).collect(Collectors.joining()))
                                .isEqualTo(answered.answer().userAnswer()));
        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(server.refusedCount()).isZero();
        assertThat(chatRequests()).singleElement().satisfies(request -> {
            assertThat(request.path("stream").asBoolean()).isTrue();
            assertThat(request.at("/stream_options/include_usage").asBoolean()).isTrue();
        });
        assertThat(calls.calls().getLast().outputTokens())
                .as("usage of a stream")
                .isPositive();
    }

    private List<JsonNode> chatRequests() {
        return server.requests().stream()
                .filter(r -> r.path("path").asText().endsWith("/chat/completions"))
                .map(r -> r.path("body").isObject() ? withHeaders(r) : r)
                .toList();
    }

    /** The body with the request's headers beside it, so assertions can read both. */
    private static JsonNode withHeaders(JsonNode recorded) {
        ObjectNode body = recorded.path("body").deepCopy();
        body.set("headers", recorded.path("headers"));
        return body;
    }

    private ProviderEndpoint endpoint(String model, StructuredOutput output) {
        return new ProviderEndpoint(
                "primary",
                Provider.OPENAI_COMPATIBLE,
                URI.create(server.baseUrl()),
                "key",
                model,
                model,
                Optional.empty(),
                output,
                TokenParameter.MAX_COMPLETION_TOKENS);
    }

    private OpenAiAdapters adapters(ProviderEndpoint endpoint, Sampling sampling) {
        StepLimits limits = new StepLimits(Duration.ofSeconds(2), Duration.ofSeconds(10), 400);
        OpenAiSettings settings = new OpenAiSettings(
                List.of(endpoint),
                limits,
                limits,
                sampling,
                new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(20)),
                BreakerPolicy.standard(),
                false,
                10);
        return OpenAiAdapters.create(settings, KnowledgeBase.embedded().taxonomy(), calls, Clock.systemUTC());
    }

    private static ClassificationRequest milkCarton() {
        return SampleFiles.vision("milk-carton.png", Instant.now().plusSeconds(20));
    }
}
