package dev.ecoscan.adapter.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a vision reply as untrusted input: valid JSON, known status, labels inside the taxonomy. */
final class VisionReplyReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Taxonomy taxonomy;

    VisionReplyReader(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** What a reply says, or what is wrong with it (which goes back to the model in a repair). */
    sealed interface Reading {
        record Classified(CategoryLabels labels) implements Reading {
        }

        record Unclassifiable(String reason) implements Reading {
        }

        record Invalid(String problem) implements Reading {
        }
    }

    Reading read(String content, boolean truncated) {
        if (truncated) {
            return new Reading.Invalid("응답이 출력 토큰 한도에서 잘렸다. 더 짧게, JSON 하나만 답하라.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            return new Reading.Invalid("응답이 올바른 JSON이 아니다: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return new Reading.Invalid("응답이 JSON 객체가 아니다.");
        }
        String status = root.path(VisionSchema.STATUS).asText("");
        List<String> tags = new ArrayList<>();
        root.path(VisionSchema.TAGS).forEach(tag -> tags.add(tag.asText("")));
        tags.removeIf(String::isBlank);
        if (status.equals(VisionSchema.UNCLASSIFIABLE)) {
            return new Reading.Unclassifiable(tags.isEmpty()
                    ? "the model could not tell what the item is"
                    : "the model could not tell what the item is: " + String.join(", ", tags));
        }
        if (!status.equals(VisionSchema.CLASSIFIED)) {
            return new Reading.Invalid("status는 \"classified\" 또는 \"unclassifiable\"이어야 하는데 \"" + status + "\"였다.");
        }
        String major = root.path(VisionSchema.MAJOR).asText("");
        String middle = root.path(VisionSchema.MIDDLE).asText("");
        String minor = root.path(VisionSchema.MINOR).asText("");
        if (major.isBlank() || minor.isBlank()) {
            return new Reading.Invalid(VisionSchema.MAJOR + "와 " + VisionSchema.MINOR + "가 비어 있다.");
        }
        CategoryLabels labels = new CategoryLabels(major, Optional.of(middle), minor, tags);
        if (taxonomy.resolve(labels) instanceof Resolution.OutOfTaxonomy out) {
            return new Reading.Invalid("분류 체계에 없는 답이다 (" + out.reason() + "). 목록의 이름만 그대로 써라.");
        }
        return new Reading.Classified(labels);
    }
}
