package dev.ecoscan.testservers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UvicornOpenAiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1 only: the default would offer h2c, which this server refuses (the first test proves it).
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final String HELLO = """
            [{"role": "user", "content": "안녕하세요"}]""";

    private static UvicornOpenAiServer server;

    @BeforeAll
    static void startServer() throws IOException, InterruptedException {
        server = UvicornOpenAiServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void forgetEarlierTests() {
        server.clearRequests();
        server.clearScript();
    }

    @Test
    void an_h2c_upgrade_is_refused_while_the_same_plain_http_1_1_request_is_answered() throws IOException {
        String body = """
                {"model": "gpt-4.1-mini", "messages": %s}""".formatted(HELLO);
        String upgrade = rawPost(
                "/v1/chat/completions",
                body,
                "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n");
        String plain = rawPost("/v1/chat/completions", body, "Connection: close\r\n");

        String refused = server.rawExchange(upgrade);
        assertThat(refused).startsWith("HTTP/1.1 400").contains("Unsupported upgrade request");
        assertThat(server.requests())
                .as("uvicorn refuses the upgrade before the app sees the request")
                .isEmpty();

        String answered = server.rawExchange(plain);
        assertThat(answered).startsWith("HTTP/1.1 200").contains("\"object\":\"chat.completion\"");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void gpt_5_1_refuses_max_tokens_with_openai_s_message_and_takes_max_completion_tokens() throws Exception {
        HttpResponse<String> refused = chat("""
                {"model": "gpt-5.1", "max_tokens": 50, "messages": %s}""".formatted(HELLO));
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("message").asText())
                .isEqualTo("Unsupported parameter: 'max_tokens' is not supported "
                        + "with this model. Use 'max_completion_tokens' instead.");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("param").asText()).isEqualTo("max_tokens");
        assertThat(error.path("code").asText()).isEqualTo("unsupported_parameter");
        assertThat(server.refusedCount()).isEqualTo(1);

        HttpResponse<String> accepted = chat("""
                {"model": "gpt-5.1", "max_completion_tokens": 50, "messages": %s}""".formatted(HELLO));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(server.stats().path("requests").asInt()).isEqualTo(2);
        assertThat(server.refusedCount()).isEqualTo(1);
    }

    @Test
    void every_request_is_recorded_with_lower_case_headers_and_its_parsed_body() throws Exception {
        chat("""
                {"model": "gpt-5.1", "max_tokens": 50, "messages": %s}""".formatted(HELLO));

        List<JsonNode> requests = server.requests();
        assertThat(requests).hasSize(1);
        JsonNode recorded = requests.getFirst();
        assertThat(recorded.path("method").asText()).isEqualTo("POST");
        assertThat(recorded.path("path").asText()).isEqualTo("/v1/chat/completions");
        assertThat(recorded.path("headers").path("authorization").asText()).isEqualTo("Bearer sk-test");
        assertThat(recorded.path("body").path("max_tokens").asInt()).isEqualTo(50);
        assertThat(recorded.path("body_length").asInt()).isPositive();
    }

    @Test
    void a_temperature_other_than_1_is_refused_by_gpt_5_1_and_accepted_by_gpt_4_1_mini() throws Exception {
        HttpResponse<String> refused = chat("""
                {"model": "gpt-5.1", "temperature": 0.2, "messages": %s}""".formatted(HELLO));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(message(refused))
                .isEqualTo("Unsupported value: 'temperature' does not support 0.2 with this model. "
                        + "Only the default (1) value is supported.");
        assertThat(code(refused)).isEqualTo("unsupported_value");

        assertThat(chat("""
                {"model": "gpt-4.1-mini", "temperature": 0.2, "messages": %s}""".formatted(HELLO)).statusCode()).isEqualTo(200);
    }

    @Test
    void reasoning_effort_takes_only_the_values_of_the_model_s_family() throws Exception {
        HttpResponse<String> minimalToGpt51 = chat(effort("gpt-5.1", "minimal"));
        assertThat(minimalToGpt51.statusCode()).isEqualTo(400);
        assertThat(message(minimalToGpt51))
                .startsWith(
                        "Unsupported value: 'reasoning_effort' does not support 'minimal' with this model. Supported values are:");
        assertThat(code(minimalToGpt51)).isEqualTo("unsupported_value");

        assertThat(chat(effort("gpt-5.1", "none")).statusCode()).isEqualTo(200);
        assertThat(chat(effort("gpt-5", "minimal")).statusCode()).isEqualTo(200);
        assertThat(chat(effort("gpt-5", "none")).statusCode()).isEqualTo(400);
        assertThat(chat(effort("o4-mini", "high")).statusCode()).isEqualTo(200);

        HttpResponse<String> toGpt41 = chat(effort("gpt-4.1-mini", "low"));
        assertThat(toGpt41.statusCode()).isEqualTo(400);
        assertThat(message(toGpt41))
                .isEqualTo("Unsupported parameter: 'reasoning_effort' is not supported with this model.");
        assertThat(server.refusedCount()).isEqualTo(3);
    }

    @Test
    void a_strict_schema_needs_additional_properties_false_on_every_object() throws Exception {
        String schema = """
                {"type": "object", "additionalProperties": false, "required": ["box"],
                 "properties": {"box": {"type": "object", "required": ["name"],
                                        "properties": {"name": {"type": "string"}}}}}""";
        HttpResponse<String> refused = chat(withSchema("gpt-4.1-mini", "boxes", schema));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(message(refused))
                .startsWith("Invalid schema for response_format 'boxes': ")
                .contains("'additionalProperties' is required to be supplied and to be false");
    }

    @Test
    void a_strict_schema_with_more_than_1000_enum_values_is_refused() throws Exception {
        ObjectNode schema = JSON.createObjectNode().put("type", "object").put("additionalProperties", false);
        schema.putArray("required").add("code");
        ArrayNode values = schema.putObject("properties")
                .putObject("code")
                .put("type", "string")
                .putArray("enum");
        IntStream.range(0, 1001).forEach(i -> values.add("v" + i));

        HttpResponse<String> refused = chat(withSchema("gpt-4.1-mini", "codes", schema.toString()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(message(refused))
                .startsWith("Invalid schema for response_format 'codes': ")
                .contains("1001");
    }

    @Test
    void json_object_mode_needs_the_word_json_in_the_messages() throws Exception {
        HttpResponse<String> refused = chat("""
                {"model": "gpt-4.1-mini", "response_format": {"type": "json_object"}, "messages": %s}""".formatted(HELLO));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(message(refused))
                .isEqualTo("'messages' must contain the word 'json' in some form, to use "
                        + "'response_format' of type 'json_object'.");

        HttpResponse<String> accepted = chat("""
                {"model": "gpt-4.1-mini", "response_format": {"type": "json_object"},
                 "messages": [{"role": "user", "content": "Answer in JSON."}]}""");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(content(accepted)).has("user_answer")).isTrue();
    }

    @Test
    void an_empty_body_is_refused_as_unparsable_json() throws Exception {
        HttpResponse<String> refused = chat("");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(message(refused)).startsWith("We could not parse the JSON body of your request.");
        assertThat(server.requests().getFirst().path("body_length").asInt()).isZero();
    }

    @Test
    void the_milk_carton_sample_is_seen_as_a_milk_carton_in_the_requested_schema() throws Exception {
        Path sample = Path.of(System.getProperty("eco-scan.samples", "../samples"), "milk-carton.png");
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(sample));
        ObjectNode body = JSON.createObjectNode().put("model", "gpt-5.1").put("max_completion_tokens", 500);
        ObjectNode user = body.putArray("messages").addObject().put("role", "user");
        ArrayNode parts = user.putArray("content");
        parts.addObject().put("type", "text").put("text", "이 물건을 분류해 주세요.");
        parts.addObject().put("type", "image_url").putObject("image_url").put("url", dataUrl);
        body.set("response_format", JSON.readTree(schemaFormat("waste_classification", """
                {"type": "object", "additionalProperties": false,
                 "required": ["status", "major_category", "middle_category", "minor_category", "situation_tags"],
                 "properties": {
                   "status": {"type": "string", "enum": ["classified", "unclassifiable"]},
                   "major_category": {"type": "string"},
                   "middle_category": {"type": "string"},
                   "minor_category": {"type": "string"},
                   "situation_tags": {"type": "array", "items": {"type": "string"}}}}""")));

        HttpResponse<String> reply = chat(body.toString());

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        JsonNode seen = JSON.readTree(content(reply));
        assertThat(seen.path("status").asText()).isEqualTo("classified");
        assertThat(seen.path("major_category").asText()).isEqualTo("재활용폐기물");
        assertThat(seen.path("middle_category").asText()).isEqualTo("종이팩");
        assertThat(seen.path("minor_category").asText()).isEqualTo("우유팩");
        assertThat(seen.path("situation_tags")).extracting(JsonNode::asText).containsExactly("내용물_없음", "세척됨");
        JsonNode usage = JSON.readTree(reply.body()).path("usage");
        assertThat(usage.path("total_tokens").asInt())
                .isEqualTo(usage.path("prompt_tokens").asInt()
                        + usage.path("completion_tokens").asInt());
        assertThat(usage.path("prompt_tokens_details").has("cached_tokens")).isTrue();
    }

    @Test
    void the_azure_path_needs_an_api_version_and_an_api_key() throws Exception {
        String body = """
                {"messages": %s}""".formatted(HELLO);
        String deployment = server.root() + "/openai/deployments/gpt-4.1-mini/chat/completions";

        HttpResponse<String> noVersion = send(deployment, body, Map.of("api-key", "azure-key"));
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(message(noVersion)).contains("api-version");

        HttpResponse<String> noKey = send(deployment + "?api-version=2024-10-21", body, Map.of());
        assertThat(noKey.statusCode()).isEqualTo(401);

        HttpResponse<String> answered =
                send(deployment + "?api-version=2024-10-21", body, Map.of("api-key", "azure-key"));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answered.body()).path("model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(server.requests().getLast().path("query").asText()).isEqualTo("api-version=2024-10-21");
    }

    @Test
    void a_scripted_429_with_retry_after_is_answered_once_and_then_normal_replies_follow() throws Exception {
        server.script("""
                [{"status": 429, "headers": {"Retry-After": "1"},
                  "body": {"error": {"message": "Rate limit reached", "type": "requests", "param": null,
                                     "code": "rate_limit_exceeded"}}}]""");
        String body = """
                {"model": "gpt-4.1-mini", "messages": %s}""".formatted(HELLO);

        HttpResponse<String> limited = chat(body);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).hasValue("1");
        assertThat(code(limited)).isEqualTo("rate_limit_exceeded");

        assertThat(chat(body).statusCode()).isEqualTo(200);
        assertThat(chat(body).statusCode()).isEqualTo(200);
        assertThat(server.requests()).hasSize(3);
        assertThat(server.refusedCount())
                .as("a scripted reply is not a rule's refusal")
                .isZero();
    }

    @Test
    void a_streamed_reply_comes_as_server_sent_chunks_ending_in_done() throws Exception {
        HttpResponse<String> reply = chat("""
                {"model": "gpt-4.1-mini", "stream": true, "stream_options": {"include_usage": true},
                 "messages": %s}""".formatted(HELLO));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<String> events = reply.body()
                .lines()
                .filter(line -> line.startsWith("data: "))
                .map(line -> line.substring("data: ".length()))
                .toList();
        assertThat(events.getLast()).isEqualTo("[DONE]");
        List<JsonNode> chunks = new ArrayList<>();
        for (String event : events.subList(0, events.size() - 1)) {
            chunks.add(JSON.readTree(event));
        }
        assertThat(chunks)
                .allSatisfy(chunk -> assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk"));
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> chunk.path("choices")
                .forEach(c -> text.append(c.path("delta").path("content").asText())));
        assertThat(text).isNotEmpty();
        assertThat(chunks.stream().filter(c -> c.path("choices").has(0)).count())
                .isGreaterThan(3);
        assertThat(chunks.getLast().path("usage").path("total_tokens").asInt()).isPositive();
    }

    /** A second server, configured by environment variables as a gateway with a key and no structured outputs. */
    @Nested
    class WithAKeyAndWithoutStructuredOutputs {

        private static UvicornOpenAiServer keyed;

        @BeforeAll
        static void startKeyedServer() throws IOException, InterruptedException {
            keyed = UvicornOpenAiServer.start(Map.of("FAKE_OPENAI_KEY", "sk-right", "FAKE_OPENAI_NO_STRICT", "1"));
        }

        @AfterAll
        static void stopKeyedServer() {
            if (keyed != null) {
                keyed.close();
            }
        }

        @BeforeEach
        void forgetEarlierKeyedTests() {
            keyed.clearRequests();
        }

        @Test
        void a_wrong_key_is_refused_with_401_and_openai_s_message() throws Exception {
            String body = """
                    {"model": "gpt-4.1-mini", "messages": %s}""".formatted(HELLO);
            String url = keyed.baseUrl() + "/chat/completions";

            HttpResponse<String> wrong = send(url, body, Map.of("Authorization", "Bearer sk-wrong"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("Incorrect API key provided: sk-****");
            assertThat(code(wrong)).isEqualTo("invalid_api_key");

            assertThat(send(url, body, Map.of("Authorization", "Bearer sk-right"))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(keyed.refusedCount()).isEqualTo(1);
        }

        @Test
        void a_json_schema_response_format_is_refused_by_a_server_without_structured_outputs() throws Exception {
            HttpResponse<String> refused = send(
                    keyed.baseUrl() + "/chat/completions",
                    withSchema("gpt-4.1-mini", "answer", """
                            {"type": "object", "additionalProperties": false, "required": ["user_answer"],
                             "properties": {"user_answer": {"type": "string"}}}"""),
                    Map.of("Authorization", "Bearer sk-right"));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(message(refused)).isEqualTo("response_format type json_schema is not supported by this server");
        }
    }

    private static String effort(String model, String effort) {
        return """
                {"model": "%s", "reasoning_effort": "%s", "messages": %s}""".formatted(model, effort, HELLO);
    }

    private static String withSchema(String model, String name, String schema) {
        return """
                {"model": "%s", "messages": %s, "response_format": %s}""".formatted(model, HELLO, schemaFormat(name, schema));
    }

    private static String schemaFormat(String name, String schema) {
        return """
                {"type": "json_schema", "json_schema": {"name": "%s", "strict": true, "schema": %s}}""".formatted(name, schema);
    }

    private static HttpResponse<String> chat(String body) throws IOException, InterruptedException {
        return send(server.baseUrl() + "/chat/completions", body, Map.of("Authorization", "Bearer sk-test"));
    }

    private static HttpResponse<String> send(String url, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String rawPost(String path, String body, String extraHeaders) {
        return "POST " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + server.port() + "\r\n"
                + "Authorization: Bearer sk-test\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + extraHeaders
                + "\r\n"
                + body;
    }

    private static String message(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("error").path("message").asText();
    }

    private static String code(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("error").path("code").asText();
    }

    private static String content(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body())
                .path("choices")
                .path(0)
                .path("message")
                .path("content")
                .asText();
    }
}
