package dev.ecoscan.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Optional;

/** The body of {@code POST /api/v1/scan/classify}: {@code {"image_url": "...", "user_input": "..."}}. */
record ClassifyRequest(String imageUrl, Optional<String> userInput) {

    /** Strict: {@code {"a":1}}} is not JSON with some junk after it, it is not JSON. */
    private static final ObjectReader READER = ScanBodies.JSON.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static ClassifyRequest parse(byte[] body, int maxUserInput) {
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemCode.INVALID_JSON, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new ProblemException(ProblemCode.INVALID_JSON, "the body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "the body must be a JSON object");
        }
        JsonNode url = root.get("image_url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "image_url must be a non-empty string");
        }
        JsonNode input = root.get("user_input");
        if (input != null && !input.isNull() && !input.isTextual()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "user_input must be a string");
        }
        Optional<String> question = input == null || input.isNull() ? Optional.empty()
                : Optional.of(input.asText().strip()).filter(q -> !q.isEmpty());
        question.ifPresent(q -> {
            if (q.codePointCount(0, q.length()) > maxUserInput) {
                throw new ProblemException(ProblemCode.USER_INPUT_TOO_LONG,
                        "user_input may have at most " + maxUserInput + " characters");
            }
            if (q.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
                throw new ProblemException(ProblemCode.INVALID_REQUEST, "user_input contains control characters");
            }
        });
        return new ClassifyRequest(url.asText().strip(), question);
    }
}
