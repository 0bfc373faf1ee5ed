package dev.ecoscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.testkit.PngText;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The chat completions endpoint at speed 0, over real HTTP. */
class ChatCompletionsTest {

    private static final Path SAMPLES = Path.of(System.getProperty("eco-scan.samples", "../samples"));
    private static final String MILK_CARTON = "recyclable.paper-pack.milk-carton";

    private final LlmSimulator simulator = LlmSimulator.start(SimulatorConfig.instant());
    private final SimulatorClient client = new SimulatorClient(simulator);

    @AfterEach
    void close() {
        simulator.close();
    }

    @Test
    void a_labelled_milk_carton_is_classified_with_its_korean_path_and_tag() {
        HttpResponse<String> response =
                client.chat(Requests.vision(Requests.labelledPng(MILK_CARTON, "contents-empty")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode completion = SimulatorClient.json(response);
        assertThat(completion.path("id").asText()).startsWith("chatcmpl-");
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.path("model").asText()).isEqualTo(Requests.MODEL);
        assertThat(completion.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        JsonNode content = SimulatorClient.content(response);
        assertThat(SchemaCheck.violations(Requests.visionSchema(), content)).isEmpty();
        assertThat(content.path("major").asText()).isNotEqualTo("미분류");
        assertThat(content.path("major").asText()).isEqualTo("재활용폐기물");
        assertThat(content.path("middle").asText()).isEqualTo("종이팩");
        assertThat(content.path("item").asText()).isEqualTo("우유팩");
        assertThat(texts(content.path("tags"))).containsExactly("내용물_없음");
        JsonNode usage = completion.path("usage");
        assertThat(usage.path("prompt_tokens").asInt()).isGreaterThan(Tokens.PER_IMAGE);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(Tokens.of(content.toString()));
        assertThat(usage.path("total_tokens").asInt())
                .isEqualTo(usage.path("prompt_tokens").asInt()
                        + usage.path("completion_tokens").asInt());
        assertThat(usage.at("/prompt_tokens_details/cached_tokens").asInt()).isZero();
        SimulatorStats stats = simulator.stats();
        assertThat(stats.requests()).isEqualTo(new SimulatorStats.Requests(1, 0, 0));
        assertThat(stats.outcomes().ok()).isEqualTo(1);
        assertThat(stats.tokens().prompt())
                .isEqualTo(usage.path("prompt_tokens").asLong());
        assertThat(stats.tokens().completion())
                .isEqualTo(usage.path("completion_tokens").asLong());
    }

    @Test
    void the_same_unlabelled_image_is_the_same_item_twice_and_its_labels_agree() {
        ObjectNode request = Requests.vision(Requests.tinyPng());

        JsonNode first = SimulatorClient.content(client.chat(request));
        JsonNode second = SimulatorClient.content(client.chat(request));

        assertThat(second).isEqualTo(first);
        assertThat(first.path("major").asText()).isNotEqualTo("미분류");
        assertThat(SchemaCheck.violations(Requests.visionSchema(), first)).isEmpty();
        String middle = first.path("middle").asText();
        Resolution resolution = Requests.TAXONOMY.resolve(new CategoryLabels(
                first.path("major").asText(),
                middle.isEmpty() ? Optional.empty() : Optional.of(middle),
                first.path("item").asText(),
                List.of()));
        assertThat(resolution).isInstanceOf(Resolution.Resolved.class);
    }

    @Test
    void an_item_id_the_taxonomy_lacks_is_unclassifiable_and_not_waste() {
        JsonNode content = SimulatorClient.content(
                client.chat(Requests.vision(Requests.labelledPng("gadget.unknown-thing", "contents-empty"))));

        assertThat(content.path("major").asText()).isEqualTo("미분류");
        assertThat(texts(content.path("tags"))).containsExactly("폐기물_아님");
        assertThat(SchemaCheck.violations(Requests.visionSchema(), content)).isEmpty();
    }

    @Test
    void every_sample_image_is_classified_as_its_text_chunk_says() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            samples = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(samples).isNotEmpty();
        for (Path sample : samples) {
            byte[] png = Files.readAllBytes(sample);
            JsonNode content = SimulatorClient.content(client.chat(Requests.vision(png)));

            String itemId = PngText.read(png).get(PngText.ITEM_KEY);
            Optional<String> expected = Requests.TAXONOMY
                    .itemPaths()
                    .flatMap(path -> path.item().stream())
                    .filter(item -> item.id().value().equals(itemId))
                    .map(item -> item.name())
                    .findFirst();
            if (expected.isPresent()) {
                assertThat(content.path("item").asText()).as(sample.toString()).isEqualTo(expected.get());
            } else {
                assertThat(content.path("major").asText()).as(sample.toString()).isEqualTo("미분류");
            }
        }
    }

    @Test
    void an_answer_takes_its_steps_from_dash_lines_and_what_to_fix_from_action_lines() {
        String prompt = """
                품목: 재활용폐기물 > 무색페트병 > 생수병
                질문: 이거 어떻게 버려요?
                배출 방법:
                - 내용물을 비우고 헹굽니다.
                - 라벨을 떼어 냅니다.
                - 찌그러뜨린 뒤 뚜껑을 닫습니다.
                상황:
                [조치 필요] 비닐 라벨을 떼어 비닐류로 배출하세요.
                """;

        HttpResponse<String> response = client.chat(Requests.answer(prompt));

        JsonNode content = SimulatorClient.content(response);
        assertThat(SchemaCheck.violations(Requests.answerSchema(), content)).isEmpty();
        assertThat(texts(content.path("disposal_steps")))
                .containsExactly("내용물을 비우고 헹굽니다.", "라벨을 떼어 냅니다.", "찌그러뜨린 뒤 뚜껑을 닫습니다.");
        assertThat(texts(content.path("insufficiencies"))).containsExactly("비닐 라벨을 떼어 비닐류로 배출하세요.");
        assertThat(content.path("user_answer").asText()).startsWith("생수병은 ").contains("1가지");
        JsonNode usage = SimulatorClient.json(response).path("usage");
        assertThat(usage.path("prompt_tokens").asInt()).isGreaterThan(Tokens.of(prompt));
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(Tokens.of(content.toString()));
        assertThat(simulator.stats().requests()).isEqualTo(new SimulatorStats.Requests(0, 1, 0));
    }

    @Test
    void an_answer_with_no_dash_lines_gets_generic_steps_and_nothing_to_fix() {
        JsonNode content = SimulatorClient.content(client.chat(Requests.answer("질문: 이건 어떻게 버리나요?")));

        assertThat(texts(content.path("disposal_steps"))).containsExactlyElementsOf(AnswerReplies.GENERIC_STEPS);
        assertThat(content.path("insufficiencies").isEmpty()).isTrue();
        assertThat(content.path("user_answer").asText()).isNotBlank();
    }

    @Test
    void at_most_three_steps_are_taken_as_the_answer_prompt_asks() {
        String prompt = "품목: 신문지\n- 하나\n- 둘\n- 셋\n- 넷\n- 다섯\n- 여섯\n";

        JsonNode content = SimulatorClient.content(client.chat(Requests.answer(prompt)));

        assertThat(texts(content.path("disposal_steps"))).containsExactly("하나", "둘", "셋");
    }

    @Test
    void a_reply_longer_than_max_tokens_is_cut_and_finishes_for_length() {
        ObjectNode request =
                Requests.vision(Requests.labelledPng(MILK_CARTON, "")).put("max_tokens", 10);

        JsonNode completion = SimulatorClient.json(client.chat(request));

        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(completion.at("/usage/completion_tokens").asInt()).isEqualTo(10);
        String content = completion.at("/choices/0/message/content").asText();
        assertThat(content).startsWith("{").hasSizeLessThanOrEqualTo(30);
        assertThat(parses(content)).isFalse();
    }

    @Test
    void max_completion_tokens_is_honoured_like_max_tokens() {
        ObjectNode request = Requests.answer("- 하나").put("max_completion_tokens", 5);

        JsonNode completion = SimulatorClient.json(client.chat(request));

        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(completion.at("/usage/completion_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void a_long_system_prompt_is_reported_as_cached_from_the_second_request_on() {
        String system = "다음 분류표에 따라 분류하세요. ".repeat(200);
        int systemTokens = Tokens.of(system);
        assertThat(systemTokens).isGreaterThanOrEqualTo(PromptCache.MIN_TOKENS);

        JsonNode first = SimulatorClient.json(client.chat(Requests.answer(system, "- 하나")));
        JsonNode second = SimulatorClient.json(client.chat(Requests.answer(system, "- 둘")));

        assertThat(first.at("/usage/prompt_tokens_details/cached_tokens").asInt())
                .isZero();
        int cached = second.at("/usage/prompt_tokens_details/cached_tokens").asInt();
        assertThat(cached).isEqualTo(systemTokens / 128 * 128).isPositive();
        assertThat(simulator.stats().tokens().cached()).isEqualTo(cached);
    }

    @Test
    void a_short_system_prompt_is_never_cached() {
        client.chat(Requests.answer("짧은 지시문", "- 하나"));

        JsonNode second = SimulatorClient.json(client.chat(Requests.answer("짧은 지시문", "- 하나")));

        assertThat(second.at("/usage/prompt_tokens_details/cached_tokens").asInt())
                .isZero();
    }

    @Test
    void json_object_format_gets_a_json_object_with_the_classification() {
        ObjectNode request = Requests.vision(Requests.labelledPng(MILK_CARTON, "rinsed"));
        request.putObject("response_format").put("type", "json_object");

        JsonNode content = SimulatorClient.content(client.chat(request));

        assertThat(content.path("item").asText()).isEqualTo("우유팩");
        assertThat(texts(content.path("tags"))).containsExactly("세척됨");
    }

    @Test
    void without_a_response_format_the_reply_is_plain_text() {
        ObjectNode request = Requests.vision(Requests.labelledPng(MILK_CARTON, ""));
        request.remove("response_format");

        JsonNode completion = SimulatorClient.json(client.chat(request));

        assertThat(completion.at("/choices/0/message/content").asText()).contains("재활용폐기물 > 종이팩 > 우유팩");
    }

    @Test
    void a_schema_of_another_shape_gets_a_reply_that_fits_it() {
        ObjectNode request = Requests.answer("안녕하세요");
        JsonNode schema = SimulatorClient.json("""
                {"type":"object","additionalProperties":false,"required":["kind","score","notes","done"],
                 "properties":{"kind":{"type":"string","enum":["a","b"]},"score":{"type":"integer","minimum":1,"maximum":5},
                   "notes":{"type":"array","items":{"type":"string"},"maxItems":2},"done":{"type":"boolean"}}}
                """);
        Requests.schema(request, "other", schema);

        JsonNode content = SimulatorClient.content(client.chat(request));

        assertThat(SchemaCheck.violations(schema, content)).isEmpty();
        assertThat(content.path("score").asInt()).isBetween(1, 5);
    }

    @Test
    void a_body_that_is_not_json_is_a_400_in_openai_style() {
        HttpResponse<String> response = client.post("/v1/chat/completions", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = SimulatorClient.json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.has("param")).isTrue();
        assertThat(error.has("code")).isTrue();
        assertThat(simulator.stats().requests().other()).isEqualTo(1);
    }

    @Test
    void a_request_without_messages_is_a_400_naming_the_parameter() {
        HttpResponse<String> response = client.post("/v1/chat/completions", "{\"model\":\"m\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(response).at("/error/param").asText()).isEqualTo("messages");
    }

    @Test
    void an_unknown_path_is_a_404_and_a_wrong_method_a_405() {
        HttpResponse<String> missing = client.post("/v1/embeddings", "{}");
        HttpResponse<String> wrongMethod = client.get("/v1/chat/completions");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(SimulatorClient.json(missing).at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    static boolean parses(String text) {
        try {
            SimulatorClient.JSON.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
