package dev.ecoscan.simulator;

import static dev.ecoscan.simulator.VisionReplies.ITEM;
import static dev.ecoscan.simulator.VisionReplies.MAJOR;
import static dev.ecoscan.simulator.VisionReplies.MIDDLE;
import static dev.ecoscan.simulator.VisionReplies.NODES;
import static dev.ecoscan.simulator.VisionReplies.TAGS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.TaxonomyNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The enums of the category fields, and the labels they allow. A label is the Korean name, or the
 * id when the schema lists ids instead; a field without an enum allows any name.
 */
final class VisionFields {

    private final Map<String, JsonNode> schemas;
    /** Each field's enum, read once: a load test asks for it thousands of times a second. */
    private final Map<String, Optional<List<String>>> enums = new HashMap<>();

    private final Map<String, Set<String>> enumSets = new HashMap<>();

    VisionFields(SchemaFiller filler, JsonNode schema) {
        JsonNode properties = schema.path("properties");
        JsonNode tags = resolve(filler, properties.path(TAGS));
        this.schemas = Map.of(
                MAJOR,
                resolve(filler, properties.path(MAJOR)),
                MIDDLE,
                resolve(filler, properties.path(MIDDLE)),
                ITEM,
                resolve(filler, properties.path(ITEM)),
                TAGS,
                tags,
                TAGS + "[]",
                resolve(filler, tags.path("items")));
        schemas.forEach((field, fieldSchema) -> {
            Optional<List<String>> values = readEnum(fieldSchema);
            enums.put(field, values);
            values.ifPresent(list -> enumSets.put(field, new HashSet<>(list)));
        });
    }

    private static JsonNode resolve(SchemaFiller filler, JsonNode schema) {
        return filler == null ? schema : filler.resolve(schema);
    }

    /** Major, middle and item labels of a path, when the enums allow all three. */
    Optional<JsonNode[]> labels(CategoryPath path) {
        Optional<JsonNode> major = label(MAJOR, path.major());
        Optional<JsonNode> middle =
                path.middle().isPresent() ? label(MIDDLE, path.middle().get()) : noMiddle();
        // The item is named as a person would say it: free text where the schema takes any string.
        Optional<JsonNode> item = path.item().flatMap(known -> label(ITEM, known));
        if (major.isEmpty() || middle.isEmpty() || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JsonNode[] {major.get(), middle.get(), item.get()});
    }

    Optional<JsonNode> tag(SituationTag tag) {
        if (allows(TAGS + "[]", tag.label())) {
            return Optional.of(NODES.textNode(tag.label()));
        }
        return allows(TAGS + "[]", tag.id()) ? Optional.of(NODES.textNode(tag.id())) : Optional.empty();
    }

    long maxTags() {
        return schemas.get(TAGS).path("maxItems").asLong(Long.MAX_VALUE);
    }

    private Optional<JsonNode> label(String field, TaxonomyNode node) {
        for (String label : List.of(node.name(), node.id().value())) {
            if (allows(field, label)) {
                return Optional.of(NODES.textNode(label));
            }
        }
        return Optional.empty();
    }

    /** A major without middles: "" when the enum offers it, else null when the field may be null. */
    private Optional<JsonNode> noMiddle() {
        if (allows(MIDDLE, "")) {
            return Optional.of(NODES.textNode(""));
        }
        JsonNode schema = schemas.get(MIDDLE);
        boolean nullable =
                schema.path("type").isArray() && schema.path("type").toString().contains("\"null\"")
                        || enumOf(MIDDLE).map(values -> values.contains(null)).orElse(false);
        return nullable ? Optional.of(NODES.nullNode()) : Optional.empty();
    }

    boolean allows(String field, String label) {
        Set<String> values = enumSets.get(field);
        return values == null || values.contains(label);
    }

    /** The first preferred value the field's enum allows, else the enum's first value. */
    JsonNode pick(String field, String... preferred) {
        Optional<List<String>> values = enumOf(field);
        if (values.isEmpty()) {
            return NODES.textNode(preferred[0]);
        }
        for (String value : preferred) {
            if (values.get().contains(value)) {
                return NODES.textNode(value);
            }
        }
        String first = values.get().isEmpty() ? preferred[0] : values.get().get(0);
        return first == null ? NODES.nullNode() : NODES.textNode(first);
    }

    private Optional<List<String>> enumOf(String field) {
        return enums.get(field);
    }

    /** The enum's values (a JSON null as a Java null), or empty when the field has no enum. */
    private static Optional<List<String>> readEnum(JsonNode schema) {
        JsonNode values = schema.get("enum");
        if (values == null || !values.isArray()) {
            return Optional.empty();
        }
        List<String> list = new ArrayList<>();
        values.forEach(value -> list.add(value.isNull() ? null : value.asText()));
        return Optional.of(list);
    }
}
