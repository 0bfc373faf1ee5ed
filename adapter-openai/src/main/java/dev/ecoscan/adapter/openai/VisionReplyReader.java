package dev.ecoscan.adapter.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a vision reply as untrusted input: valid JSON, a known status, labels inside the taxonomy.
 * A usable reply is a {@link ClassifierVerdict.Classified}, its labels resolved with
 * {@link Taxonomy#resolve} (the only place the vision step's labels are resolved), or a
 * {@link ClassifierVerdict.Unclassifiable}. Labels outside the taxonomy are unusable: they get a repair
 * call, and a typed failure if the repair does no better.
 */
final class VisionReplyReader implements ReplyReading.Reader<ClassifierVerdict> {

    private final Taxonomy taxonomy;

    VisionReplyReader(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @Override
    public ReplyReading<ClassifierVerdict> read(String content, boolean truncated) {
        return switch (ReplyReading.JsonObjects.read(content, truncated)) {
            case ReplyReading.Unusable<JsonNode> unusable -> new ReplyReading.Unusable<>(unusable.problem());
            case ReplyReading.Usable<JsonNode> usable -> read(usable.value());
        };
    }

    private ReplyReading<ClassifierVerdict> read(JsonNode root) {
        String major = root.path(VisionSchema.MAJOR).asText("").strip();
        String middle = root.path(VisionSchema.MIDDLE).asText("").strip();
        String item = root.path(VisionSchema.ITEM).asText("").strip();
        List<String> tags = new ArrayList<>();
        root.path(VisionSchema.TAGS).forEach(tag -> tags.add(tag.asText("")));
        tags.removeIf(String::isBlank);
        if (major.equals(VisionSchema.UNSORTED)) {
            return new ReplyReading.Usable<>(new ClassifierVerdict.Unclassifiable(
                    tags.isEmpty()
                            ? "the model could not tell what the item is"
                            : "the model could not tell what the item is: " + String.join(", ", tags)));
        }
        if (major.isBlank() || item.isBlank()) {
            return new ReplyReading.Unusable<>(VisionSchema.MAJOR + "와 " + VisionSchema.ITEM + "가 비어 있다.");
        }
        // The categories and tags must exist; the item's name is free text that resolving identifies
        // among the category's items, and one that names no item keeps its category.
        return switch (taxonomy.resolve(new CategoryLabels(major, Optional.of(middle), item, tags))) {
            case Resolution.OutOfTaxonomy out ->
                new ReplyReading.Unusable<>("분류 체계에 없는 답이다 (" + out.reason() + "). 목록의 이름만 그대로 써라.");
            case Resolution.Resolved resolved ->
                new ReplyReading.Usable<>(new ClassifierVerdict.Classified(resolved.classification()));
        };
    }
}
