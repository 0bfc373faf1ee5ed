package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.testkit.RecordingModelCalls;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.TestPipeline;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A provider that is not the simulator: it refuses any request without a strict json_schema
 * response format, answers a fixed reply and reports usage. It shows what goes over the wire and
 * that nothing depends on the simulator's own behaviour.
 */
class StrictProviderTest {

    private static final Path SAMPLES = SampleFiles.SAMPLES;

    private final RecordingModelCalls calls = new RecordingModelCalls();
    private final CapturingProvider provider = CapturingProvider.answering(StrictProviderTest::reply);
    private final List<JsonNode> requests = provider.requests();
    private final List<String> authorizations = provider.authorizations();

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void the_vision_request_carries_a_strict_schema_with_taxonomy_enums_and_an_inline_image() {
        ClassifierVerdict verdict = classifier()
                .classify(SampleFiles.vision("milk-carton.png", Instant.now().plusSeconds(30)));

        assertThat(verdict).isInstanceOf(ClassifierVerdict.Classified.class);
        JsonNode request = requests.getFirst();
        assertThat(request.path("model").asText()).isEqualTo("strict-model");
        assertThat(request.path("max_completion_tokens").asInt()).isEqualTo(300);
        assertThat(request.has("max_tokens")).isFalse();
        JsonNode format = request.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        JsonNode schema = format.at("/json_schema/schema");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        // Items are not listed: the model names the thing, eco-scan resolves the name.
        assertThat(schema.at("/properties/item/type").asText()).isEqualTo("string");
        assertThat(schema.at("/properties/item/enum").isMissingNode()).isTrue();
        assertThat(schema.at("/properties/major/enum").toString())
                .contains("생활계유해폐기물")
                .contains("미분류");
        assertThat(schema.at("/properties/middle/enum").toString()).contains("\"종이팩\"");
        assertThat(schema.at("/properties/tags/items/enum"))
                .hasSize(KnowledgeBase.embedded().taxonomy().visionTags().size());

        JsonNode system = request.at("/messages/0");
        assertThat(system.path("role").asText()).isEqualTo("system");
        assertThat(system.path("content").asText()).contains("재활용폐기물 > 종이팩: ").contains("우유");
        JsonNode image = request.at("/messages/1/content/1/image_url");
        assertThat(image.path("url").asText()).startsWith("data:image/png;base64,");
        assertThat(image.path("detail").asText()).isEqualTo("low");
        assertThat(authorizations).containsOnly("Bearer strict-key");
        assertThat(calls.calls()).singleElement().satisfies(call -> {
            assertThat(call.inputTokens()).isEqualTo(1234);
            assertThat(call.outputTokens()).isEqualTo(42);
            assertThat(call.cachedInputTokens()).contains(1024);
        });
    }

    @Test
    void the_system_prompt_is_identical_for_every_image_so_a_prompt_cache_can_hit() {
        OpenAiClassifier classifier = classifier();
        for (String sample : List.of("milk-carton.png", "soju-bottle.png")) {
            classifier.classify(SampleFiles.vision(sample, Instant.now().plusSeconds(30)));
        }

        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).at("/messages/0/content"))
                .isEqualTo(requests.get(1).at("/messages/0/content"));
        assertThat(requests.get(0).at("/messages/1/content/1/image_url/url"))
                .isNotEqualTo(requests.get(1).at("/messages/1/content/1/image_url/url"));
    }

    @Test
    void a_whole_scan_completes_on_a_provider_that_is_not_the_simulator() {
        OpenAiAdapters adapters = adapters();
        TestPipeline pipeline = ScanTestKit.pipeline()
                .images(SampleFiles.files())
                .classifier(adapters.classifier())
                .answers(adapters.answers())
                .build();

        ScanOutcome outcome = pipeline.scan(SAMPLES.resolve("milk-carton.png").toString());

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Completed.class, done -> {
            assertThat(done.answer().steps()).containsExactly("헹궈요.", "말려요.");
            assertThat(done.reward()).isInstanceOf(RewardOutcome.Granted.class);
        });
        assertThat(requests)
                .extracting(r -> r.at("/response_format/json_schema/name").asText())
                .containsExactly("waste_classification", "disposal_answer");
    }

    private OpenAiClassifier classifier() {
        return (OpenAiClassifier) adapters().classifier();
    }

    private OpenAiAdapters adapters() {
        return provider.adapters(
                "strict-key", "strict-model", KnowledgeBase.embedded().taxonomy(), calls);
    }

    /** Refuses any request without a strict json_schema response format, as this provider's contract. */
    private static CapturingProvider.Reply reply(JsonNode request) {
        JsonNode format = request.path("response_format");
        if (!format.path("type").asText().equals("json_schema")
                || !format.at("/json_schema/strict").asBoolean()) {
            return new CapturingProvider.Reply(
                    400, "{\"error\":{\"message\":\"this provider only honours strict json_schema\"}}");
        }
        String content = format.at("/json_schema/name").asText().equals("disposal_answer")
                ? StrictReplies.ANSWER_CONTENT
                : StrictReplies.VISION_CONTENT;
        return CapturingProvider.Reply.ok(
                StrictReplies.completion(request.path("model").asText(), content));
    }
}
