package dev.ecoscan.adapter.openai;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A reply schema as a short instruction, for endpoints in JSON mode that cannot take the schema
 * itself. Every enum is listed in full: the JSON-mode endpoint has no other way to learn the values
 * (the situation tags are listed nowhere else).
 */
final class SchemaSketch {

    private SchemaSketch() {}

    static String instruction(ResponseFormat format) {
        return "응답 형식: 다음 키를 모두 가진 JSON 객체 하나만 답하라. 다른 키는 넣지 않는다.\n"
                + sketch(format.jsonSchema().rootElement());
    }

    private static String sketch(JsonSchemaElement element) {
        return switch (element) {
            case JsonObjectSchema object ->
                object.properties().entrySet().stream()
                        .map(SchemaSketch::property)
                        .collect(Collectors.joining(", ", "{", "}"));
            case JsonArraySchema array -> "[" + sketch(array.items()) + ", ...]";
            case JsonEnumSchema en ->
                en.enumValues().stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(" | "));
            case JsonStringSchema ignored -> "문자열";
            default -> "값";
        };
    }

    private static String property(Map.Entry<String, JsonSchemaElement> entry) {
        return "\"" + entry.getKey() + "\": " + sketch(entry.getValue());
    }
}
