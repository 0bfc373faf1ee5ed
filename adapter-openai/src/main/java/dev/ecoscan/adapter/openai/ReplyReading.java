package dev.ecoscan.adapter.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a model's reply is worth: a usable value, or the problem to send back in a repair. */
sealed interface ReplyReading<T> {

    record Usable<T>(T value) implements ReplyReading<T> {}

    record Unusable<T>(String problem) implements ReplyReading<T> {}

    /** Reads one reply's text into a value. */
    @FunctionalInterface
    interface Reader<T> {
        ReplyReading<T> read(String content, boolean truncated);
    }

    /** The first checks every reply gets: not cut off, valid JSON, an object. */
    final class JsonObjects {

        private static final ObjectMapper JSON = new ObjectMapper();

        private JsonObjects() {}

        /** The reply as a JSON object, or why it is not one. */
        static ReplyReading<JsonNode> read(String content, boolean truncated) {
            if (truncated) {
                return new Unusable<>("응답이 출력 토큰 한도에서 잘렸다. 더 짧게, JSON 하나만 답하라.");
            }
            JsonNode root;
            try {
                root = JSON.readTree(content);
            } catch (JsonProcessingException e) {
                return new Unusable<>("응답이 올바른 JSON이 아니다: " + e.getOriginalMessage());
            }
            if (root == null || !root.isObject()) {
                return new Unusable<>("응답이 JSON 객체가 아니다.");
            }
            return new Usable<>(root);
        }
    }
}
