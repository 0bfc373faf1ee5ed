package dev.ecoscan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
     * missing node; properties this class does not know are filled by {@code filler}. A confused reply
     * names another item than the image shows.
     */
    ObjectNode reply(ChatRequest request, JsonNode schema, SchemaFiller filler, boolean confused) {
        VisionFields fields = new VisionFields(filler, schema);
        Verdict verdict = verdict(request, fields, confused);
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
    String text(ChatRequest request, boolean confused) {
        Verdict verdict = verdict(request, new VisionFields(null, NODES.missingNode()), confused);
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

    private Verdict verdict(ChatRequest request, VisionFields fields, boolean confused) {
        SampleImage image = SampleImage.of(request.lastImageUrl().orElse(""));
        Optional<String> itemId = image.itemId();
        if (itemId.isEmpty() || confused) {
            Optional<CategoryPath> shown = itemId.flatMap(VisionReplies::nodeId).flatMap(taxonomy::pathOf);
            List<CategoryPath> candidates = taxonomy.itemPaths()
                    .filter(path -> fields.labels(path).isPresent())
                    .filter(path -> shown.isEmpty() || !path.equals(shown.get()))
                    .toList();
            if (candidates.isEmpty()) {
                return unclassifiable(fields, List.of());
            }
            // Another part of the hash than the one that chose to confuse, so the wrong items spread out.
            long hash = confused ? Long.rotateLeft(image.stableHash(), 29) : image.stableHash();
            CategoryPath picked = candidates.get(Math.floorMod(hash, candidates.size()));
            return classified(fields, picked, List.of());
        }
        Optional<CategoryPath> path = nodeId(itemId.get()).flatMap(taxonomy::pathOf);
        if (path.isEmpty()) {
            // A strict provider cannot step outside the enums: the unknown thing is "not waste it knows".
            return unclassifiable(fields, List.of(NOT_WASTE));
        }
        if (fields.labels(path.get()).isEmpty()) {
            // The schema does not offer this item: the model cannot name it.
            return unclassifiable(fields, List.of());
        }
        return classified(fields, path.get(), image.tagIds());
    }

    private Verdict classified(VisionFields fields, CategoryPath path, List<String> tagIds) {
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

    private Verdict unclassifiable(VisionFields fields, List<String> tagLabels) {
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

    private static Optional<NodeId> nodeId(String id) {
        try {
            return Optional.of(NodeId.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
