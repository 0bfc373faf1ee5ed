package dev.ecoscan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Makes a value that fits a JSON schema, for schemas the simulator has no special answer for. It
 * covers what structured outputs allow: objects (every property, as strict mode requires), arrays,
 * enums and consts, strings, numbers, booleans, {@code anyOf} and local {@code $ref}s.
 */
final class SchemaFiller {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> PHRASES = List.of(
            "내용물을 비우고 물로 헹궈 주세요",
            "라벨과 뚜껑을 분리해 주세요",
            "재질별로 나누어 배출합니다",
            "지정된 요일에 배출합니다",
            "분리배출 기준에 따라 정리했습니다",
            "깨끗하게 말린 뒤 배출하세요");
    /** A self-referencing schema must end somewhere; real replies are never this deep. */
    private static final int MAX_DEPTH = 12;

    private final JsonNode root;
    private final RandomGenerator random;

    SchemaFiller(JsonNode root, RandomGenerator random) {
        this.root = root;
        this.random = random;
    }

    JsonNode fill() {
        return fill(root, 0);
    }

    JsonNode fill(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("const")) {
            return schema.get("const");
        }
        JsonNode values = schema.get("enum");
        if (values != null && values.isArray() && !values.isEmpty()) {
            return values.get(random.nextInt(values.size()));
        }
        for (String union : List.of("anyOf", "oneOf")) {
            JsonNode options = schema.get(union);
            if (options != null && options.isArray() && !options.isEmpty()) {
                return fill(firstNotNull(options), depth + 1);
            }
        }
        if (depth > MAX_DEPTH) {
            return NODES.nullNode();
        }
        return switch (type(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, depth);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(integer(schema) + random.nextInt(100) / 100.0);
            case "null" -> NODES.nullNode();
            default -> NODES.textNode(string(schema));
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            object.set(property.getKey(), fill(property.getValue(), depth + 1));
        }
        return object;
    }

    private ArrayNode array(JsonNode schema, int depth) {
        // 1 to 4 items, unless the schema's bounds say otherwise.
        int maxItems = schema.path("maxItems").asInt(Integer.MAX_VALUE);
        int min = Math.max(schema.path("minItems").asInt(0), Math.min(1, maxItems));
        int max = Math.max(min, Math.min(4, maxItems));
        int count = min + random.nextInt(max - min + 1);
        ArrayNode array = NODES.arrayNode();
        JsonNode items = schema.path("items");
        for (int i = 0; i < count; i++) {
            array.add(items.isObject() ? fill(items, depth + 1) : NODES.textNode(phrase()));
        }
        return array;
    }

    private long integer(JsonNode schema) {
        long min = schema.path("minimum").asLong(0);
        long max = schema.path("maximum").asLong(Math.max(min, 100));
        return max <= min ? min : min + random.nextLong(max - min + 1);
    }

    private String string(JsonNode schema) {
        String text = phrase();
        int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return text.length() > maxLength ? text.substring(0, Math.max(0, maxLength)) : text;
    }

    String phrase() {
        return PHRASES.get(random.nextInt(PHRASES.size())) + ".";
    }

    /** {@code "type": ["string", "null"]} is how strict mode says optional: fill the non-null type. */
    static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
        }
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
            return "null";
        }
        return type.asText();
    }

    /** Follows {@code $ref}s to {@code #/$defs/...} or {@code #/definitions/...} in the same schema. */
    JsonNode resolve(JsonNode schema) {
        for (int hops = 0; hops < MAX_DEPTH && schema.has("$ref"); hops++) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#")) {
                return NODES.objectNode();
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                return NODES.objectNode();
            }
            schema = target;
        }
        return schema;
    }

    private static JsonNode firstNotNull(JsonNode options) {
        for (JsonNode option : options) {
            if (!option.path("type").asText("").equals("null")) {
                return option;
            }
        }
        return options.get(0);
    }
}
