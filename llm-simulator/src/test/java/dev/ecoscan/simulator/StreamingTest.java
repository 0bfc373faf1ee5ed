package dev.ecoscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code stream: true}: server-sent events as OpenAI sends them. */
class StreamingTest {

    private final LlmSimulator simulator = LlmSimulator.start(SimulatorConfig.instant());
    private final SimulatorClient client = new SimulatorClient(simulator);

    @AfterEach
    void close() {
        simulator.close();
    }

    @Test
    void streamed_deltas_join_into_valid_json_then_usage_then_done() {
        ObjectNode request = Requests.vision(
                        Requests.labelledPng("recyclable.paper-pack.milk-carton", "contents-empty"))
                .put("stream", true);
        request.putObject("stream_options").put("include_usage", true);

        HttpResponse<String> response = client.chat(request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<String> events = events(response.body());
        assertThat(events.getLast()).isEqualTo("[DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream()
                .map(SimulatorClient::json)
                .toList();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("id").asText())
                    .isEqualTo(chunks.getFirst().path("id").asText());
        });
        assertThat(chunks.getFirst().at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        StringBuilder content = new StringBuilder();
        chunks.forEach(
                chunk -> content.append(chunk.at("/choices/0/delta/content").asText("")));
        List<JsonNode> withContent = chunks.stream()
                .filter(chunk ->
                        !chunk.at("/choices/0/delta/content").asText("").isEmpty())
                .toList();
        assertThat(withContent).hasSizeGreaterThan(2);
        JsonNode reply = SimulatorClient.json(content.toString());
        assertThat(SchemaCheck.violations(Requests.visionSchema(), reply)).isEmpty();
        assertThat(reply.path("item").asText()).isEqualTo("우유팩");
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = chunks.getLast();
        assertThat(usage.path("choices").isEmpty()).isTrue();
        assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(Tokens.of(content.toString()));
        assertThat(usage.at("/usage/prompt_tokens").asInt()).isPositive();
    }

    @Test
    void without_include_usage_no_usage_chunk_is_sent() {
        ObjectNode request = Requests.answer("- 하나\n- 둘").put("stream", true);

        List<String> events = events(client.chat(request).body());

        assertThat(events.getLast()).isEqualTo("[DONE]");
        JsonNode last = SimulatorClient.json(events.get(events.size() - 2));
        assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(events.subList(0, events.size() - 1))
                .allSatisfy(event ->
                        assertThat(SimulatorClient.json(event).has("usage")).isFalse());
    }

    @Test
    void a_stream_cut_by_max_tokens_finishes_for_length() {
        ObjectNode request = Requests.answer("- 하나\n- 둘").put("stream", true).put("max_tokens", 8);

        List<String> events = events(client.chat(request).body());

        JsonNode last = SimulatorClient.json(events.get(events.size() - 2));
        assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    }

    /** The data of each event, in order. */
    static List<String> events(String body) {
        return body.lines()
                .filter(line -> line.startsWith("data: "))
                .map(line -> line.substring("data: ".length()))
                .toList();
    }
}
