package dev.ecoscan.support.characters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The reading and writing every character service body shares. Reading is strict about the contract
 * (types, required fields, no duplicate keys, nothing after the value) and ignores fields it does not
 * know, so either side can add fields first. Messages name fields, never values, so nothing a peer
 * sent is echoed.
 */
final class StrictJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and booleans always serialises", e);
        }
    }

    /** @throws MalformedBodyException when the body is empty, not JSON, or not an object */
    static JsonNode readObject(String json) {
        JsonNode node = read(json);
        if (!node.isObject()) {
            throw new MalformedBodyException("the body must be a JSON object");
        }
        return node;
    }

    /** @throws MalformedBodyException when the body is empty or not JSON */
    static JsonNode read(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedBodyException("the body is empty");
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input; say only what is wrong with it.
            throw new MalformedBodyException("the body is not valid JSON (or has a duplicate key)");
        }
    }

    static String text(JsonNode node, String field) {
        return optionalText(node, field).orElseThrow(() -> new MalformedBodyException("'" + field + "' is required"));
    }

    /** Empty when the field is missing or null. */
    static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new MalformedBodyException("'" + field + "' must be a string");
        }
        return Optional.of(value.textValue());
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new MalformedBodyException("'" + field + "' must be true or false");
        }
        return value.booleanValue();
    }
}
