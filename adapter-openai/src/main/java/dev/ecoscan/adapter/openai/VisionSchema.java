package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The vision reply's JSON schema. Its size does not depend on the number of items: the model picks
 * the major and middle from small enums and names the thing in a few words of free text, which
 * eco-scan resolves to an item itself ({@code Taxonomy.resolve}). Tags are limited to those that
 * change advice, by their ascii ids, which cost fewer tokens than their Korean labels on the way in
 * and out; the tag list lives in the schema only, not in the prompt as well. Short keys keep the
 * reply within a few dozen tokens. The reply is still checked
 * again, since not every provider is strict.
 */
final class VisionSchema {

    static final String MAJOR = "major";
    static final String MIDDLE = "middle";
    static final String ITEM = "item";
    static final String TAGS = "tags";
    /** The major a model picks for a photo it cannot classify (the reference prompt's 미분류). */
    static final String UNSORTED = "미분류";

    private VisionSchema() {}

    static ResponseFormat of(Taxonomy taxonomy) {
        List<String> majors = new ArrayList<>(
                taxonomy.majors().stream().map(MajorCategory::name).toList());
        majors.add(UNSORTED);
        List<String> middles = new ArrayList<>();
        middles.add("");
        taxonomy.majors().stream()
                .flatMap(m -> m.middles().stream())
                .map(MiddleCategory::name)
                .forEach(middles::add);
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addProperty(MAJOR, JsonEnumSchema.builder().enumValues(majors).build())
                .addProperty(
                        MIDDLE, JsonEnumSchema.builder().enumValues(middles).build())
                .addProperty(
                        ITEM,
                        JsonStringSchema.builder().description("사진 속 물건의 짧은 이름").build())
                .addProperty(
                        TAGS,
                        JsonArraySchema.builder()
                                .items(JsonEnumSchema.builder()
                                        .enumValues(taxonomy.visionTags().stream()
                                                .map(SituationTag::id)
                                                .toList())
                                        .build())
                                .build())
                .required(MAJOR, MIDDLE, ITEM, TAGS)
                .additionalProperties(false)
                .build();
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder()
                        .name("waste_classification")
                        .rootElement(root)
                        .build())
                .build();
    }
}
