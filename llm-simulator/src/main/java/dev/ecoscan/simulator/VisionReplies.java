package dev.ecoscan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.domain.taxonomy.TaxonomyNode;
import dev.ecoscan.testkit.PngText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies the request's image the way eco-scan's vision step expects a model to. The simulator does
 * not look at pixels: it reads the item id and situation tags from the PNG text chunks that eco-scan's
 * sample images carry, and picks an item by a hash of the bytes for any other image. Replies keep to
 * the schema's enums, as a strict provider must, and the major, middle and item always agree.
 */
final class VisionReplies {

    static final String MAJOR = "major";
    static final String MIDDLE = "middle";
    static final String ITEM = "item";
    static final String TAGS = "tags";
    static final String NOT_WASTE = "폐기물_아님";
    /** Labels no taxonomy has, for the out-of-taxonomy fault. */
    static final String ALIEN_MAJOR = "우주폐기물";

    static final String ALIEN_MIDDLE = "궤도잔해";
    static final String ALIEN_ITEM = "외계 물체";
    private static final String UNSORTED = "미분류";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Taxonomy taxonomy;

    VisionReplies(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** A schema this class answers: one with eco-scan's category fields at the top. */
    static boolean fits(JsonNode schema) {
        JsonNode properties = schema.path("properties");
        return properties.has(MAJOR) && properties.has(ITEM);
    }

    /**
     * The reply for a schema, or for no schema at all ({@code json_object}) when {@code schema} is a
     * missing node; properties this class does not know are filled by {@code filler}.
     */
    ObjectNode reply(ChatRequest request, JsonNode schema, SchemaFiller filler) {
        Fields fields = new Fields(filler, schema);
        Verdict verdict = verdict(request, fields);
        ObjectNode reply = NODES.objectNode();
        if (schema.isMissingNode()) {
            List.of(MAJOR, MIDDLE, ITEM, TAGS).forEach(name -> reply.set(name, verdict.value(name)));
            return reply;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode value = verdict.value(property.getKey());
            reply.set(property.getKey(), value != null ? value : filler.fill(property.getValue(), 1));
        }
        return reply;
    }

    /** The reply without a response format: one line of prose. */
    String text(ChatRequest request) {
        Verdict verdict = verdict(request, new Fields(null, NODES.missingNode()));
        if (verdict.value(MAJOR).asText().equals(UNSORTED)) {
            return "사진 속 물체를 분류할 수 없습니다.";
        }
        String middle = verdict.value(MIDDLE).asText();
        return "분류 결과: " + verdict.value(MAJOR).asText() + (middle.isEmpty() ? "" : " > " + middle) + " > "
                + verdict.value(ITEM).asText() + situation(verdict.value(TAGS));
    }

    /** The out-of-taxonomy fault: well-formed, but the labels name nothing the taxonomy knows. */
    static void outOfTaxonomy(ObjectNode reply) {
        reply.put(MAJOR, ALIEN_MAJOR);
        reply.put(MIDDLE, ALIEN_MIDDLE);
        reply.put(ITEM, ALIEN_ITEM);
    }

    static String outOfTaxonomyText() {
        return "분류 결과: " + ALIEN_MAJOR + " > " + ALIEN_MIDDLE + " > " + ALIEN_ITEM;
    }

    private static String situation(JsonNode tags) {
        if (tags.isEmpty()) {
            return "";
        }
        List<String> labels = new ArrayList<>();
        tags.forEach(tag -> labels.add(tag.asText()));
        return " (상황: " + String.join(", ", labels) + ")";
    }

    private Verdict verdict(ChatRequest request, Fields fields) {
        byte[] image = imageBytes(request.lastImageUrl().orElse(""));
        Map<String, String> texts = PngText.read(image);
        String itemId = texts.getOrDefault(PngText.ITEM_KEY, "").strip();
        if (itemId.isEmpty()) {
            List<CategoryPath> candidates = taxonomy.itemPaths()
                    .filter(path -> fields.labels(path).isPresent())
                    .toList();
            if (candidates.isEmpty()) {
                return unclassifiable(fields, List.of());
            }
            CategoryPath picked = candidates.get(Math.floorMod(stableHash(image), candidates.size()));
            return classified(fields, picked, List.of());
        }
        Optional<CategoryPath> path = nodeId(itemId).flatMap(taxonomy::pathOf);
        if (path.isEmpty()) {
            // A strict provider cannot step outside the enums: the unknown thing is "not waste it knows".
            return unclassifiable(fields, List.of(NOT_WASTE));
        }
        if (fields.labels(path.get()).isEmpty()) {
            // The schema does not offer this item: the model cannot name it.
            return unclassifiable(fields, List.of());
        }
        List<String> tagIds = Arrays.stream(
                        texts.getOrDefault(PngText.TAGS_KEY, "").split(","))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .toList();
        return classified(fields, path.get(), tagIds);
    }

    private Verdict classified(Fields fields, CategoryPath path, List<String> tagIds) {
        JsonNode[] labels = fields.labels(path).orElseThrow();
        ArrayNode tags = NODES.arrayNode();
        tagIds.stream()
                .map(taxonomy::tag)
                .flatMap(Optional::stream)
                .map(fields::tag)
                .flatMap(Optional::stream)
                .distinct()
                .limit(fields.maxTags())
                .forEach(tags::add);
        return new Verdict(labels[0], labels[1], labels[2], tags);
    }

    private Verdict unclassifiable(Fields fields, List<String> tagLabels) {
        ArrayNode tags = NODES.arrayNode();
        tagLabels.stream()
                .filter(label -> fields.allows(TAGS + "[]", label))
                .limit(fields.maxTags())
                .forEach(tags::add);
        return new Verdict(fields.pick(MAJOR, UNSORTED), fields.pick(MIDDLE, ""), fields.pick(ITEM, ""), tags);
    }

    /** The field values of one reply. */
    private record Verdict(JsonNode major, JsonNode middle, JsonNode item, ArrayNode tags) {

        JsonNode value(String field) {
            return switch (field) {
                case MAJOR -> major;
                case MIDDLE -> middle;
                case ITEM -> item;
                case TAGS -> tags;
                default -> null;
            };
        }
    }

    /**
     * The enums of the category fields, and the labels they allow. A label is the Korean name, or the
     * id when the schema lists ids instead; a field without an enum allows any name.
     */
    private static final class Fields {

        private final Map<String, JsonNode> schemas;
        /** Each field's enum, read once: a load test asks for it thousands of times a second. */
        private final Map<String, Optional<List<String>>> enums = new HashMap<>();

        private final Map<String, Set<String>> enumSets = new HashMap<>();

        Fields(SchemaFiller filler, JsonNode schema) {
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
            boolean nullable = schema.path("type").isArray()
                            && schema.path("type").toString().contains("\"null\"")
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

    /** The image's bytes from a data URL; any other URL stands for itself, as the simulator fetches nothing. */
    static byte[] imageBytes(String url) {
        int comma = url.indexOf(',');
        if (url.startsWith("data:") && comma > 0 && url.substring(0, comma).endsWith(";base64")) {
            try {
                return Base64.getMimeDecoder().decode(url.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                return url.getBytes(StandardCharsets.UTF_8);
            }
        }
        return url.getBytes(StandardCharsets.UTF_8);
    }

    /** Stable across runs and JVMs, unlike {@code Arrays.hashCode}'s spread over similar images. */
    static long stableHash(byte[] bytes) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Optional<NodeId> nodeId(String id) {
        try {
            return Optional.of(NodeId.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
