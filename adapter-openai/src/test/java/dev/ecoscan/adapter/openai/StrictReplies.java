package dev.ecoscan.adapter.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Fixed chat completion replies for test servers: a milk carton, and an answer about it. */
final class StrictReplies {

    static final String VISION_CONTENT = "{\"major\":\"재활용폐기물\",\"middle\":\"종이팩\",\"item\":\"우유팩\"," + "\"tags\":[]}";
    static final String ANSWER_CONTENT = "{\"user_answer\":\"헹궈서 말린 뒤 종이팩 수거함에 넣어요.\","
            + "\"disposal_steps\":[\"헹궈요.\",\"말려요.\"],\"insufficiencies\":[]}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StrictReplies() {}

    /** The reply a request asks for: the answer when its schema is the answer's, else the milk carton. */
    static String vision(String requestBody) {
        try {
            JsonNode request = JSON.readTree(requestBody);
            boolean answer =
                    request.at("/response_format/json_schema/name").asText().equals("disposal_answer");
            return completion(request.path("model").asText("model"), answer ? ANSWER_CONTENT : VISION_CONTENT);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chat.completion body with usage, as OpenAI sends it. */
    static String completion(String model, String content) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("id", "chatcmpl-test")
                .put("object", "chat.completion")
                .put("created", 0)
                .put("model", model);
        ObjectNode choice = reply.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        ObjectNode usage = reply.putObject("usage");
        usage.put("prompt_tokens", 1234).put("completion_tokens", 42).put("total_tokens", 1276);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 1024);
        try {
            return JSON.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
