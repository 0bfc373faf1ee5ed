package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.taxonomy.CategoryPath;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The vision reply's JSON schema, generated from the loaded taxonomy: every label is an enum, so a
 * provider with strict structured outputs cannot name anything the taxonomy lacks. The reply is
 * still checked again, since not every provider is strict.
 */
final class VisionSchema {

    static final String STATUS = "status";
    static final String MAJOR = "major_category";
    static final String MIDDLE = "middle_category";
    static final String MINOR = "minor_category";
    static final String TAGS = "situation_tags";
    static final String CLASSIFIED = "classified";
    static final String UNCLASSIFIABLE = "unclassifiable";

    private VisionSchema() {
    }

    static ResponseFormat of(Taxonomy taxonomy) {
        List<String> middles = new ArrayList<>();
        middles.add("");
        taxonomy.majors().stream().flatMap(m -> m.middles().stream()).map(MiddleCategory::name).forEach(middles::add);
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addProperty(STATUS, JsonEnumSchema.builder().enumValues(CLASSIFIED, UNCLASSIFIABLE).build())
                .addProperty(MAJOR, JsonEnumSchema.builder()
                        .enumValues(taxonomy.majors().stream().map(MajorCategory::name).toList()).build())
                .addProperty(MIDDLE, JsonEnumSchema.builder().enumValues(middles)
                        .description("재활용폐기물이 아니면 빈 문자열").build())
                .addProperty(MINOR, JsonEnumSchema.builder()
                        .enumValues(taxonomy.itemPaths().map(CategoryPath::item).map(i -> i.name()).toList()).build())
                .addProperty(TAGS, JsonArraySchema.builder().items(JsonEnumSchema.builder()
                        .enumValues(taxonomy.situationTags().stream().map(SituationTag::label).toList()).build()).build())
                .required(STATUS, MAJOR, MIDDLE, MINOR, TAGS)
                .additionalProperties(false)
                .build();
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name("waste_classification").rootElement(root).build())
                .build();
    }
}
