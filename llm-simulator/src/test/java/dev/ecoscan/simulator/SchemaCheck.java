package dev.ecoscan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a value against the JSON schema subset that structured outputs use; lists what does not fit. */
final class SchemaCheck {

    private SchemaCheck() {}

    static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> found = new ArrayList<>();
        check(schema, schema, value, "$", found);
        return found;
    }

    private static void check(JsonNode root, JsonNode schema, JsonNode value, String where, List<String> found) {
        if (schema.has("$ref")) {
            schema = root.at(schema.get("$ref").asText().substring(1));
        }
        JsonNode values = schema.get("enum");
        if (values != null) {
            boolean listed = false;
            for (JsonNode allowed : values) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                found.add(where + ": " + value + " is not in the enum");
            }
        }
        String type = SchemaFiller.type(schema);
        boolean fits = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!fits) {
            found.add(where + ": " + value + " is not of type " + type);
            return;
        }
        if (value.isObject()) {
            schema.path("required").forEach(name -> {
                if (!value.has(name.asText())) {
                    found.add(where + ": missing " + name.asText());
                }
            });
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode property = schema.path("properties").get(field.getKey());
                if (property == null) {
                    if (!schema.path("additionalProperties").asBoolean(true)) {
                        found.add(where + ": unexpected property " + field.getKey());
                    }
                } else {
                    check(root, property, field.getValue(), where + "." + field.getKey(), found);
                }
            }
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                found.add(where + ": more than " + schema.get("maxItems").asInt() + " items");
            }
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                found.add(where + ": fewer than " + schema.get("minItems").asInt() + " items");
            }
            for (int i = 0; i < value.size(); i++) {
                check(root, schema.path("items"), value.get(i), where + "[" + i + "]", found);
            }
        }
    }
}
