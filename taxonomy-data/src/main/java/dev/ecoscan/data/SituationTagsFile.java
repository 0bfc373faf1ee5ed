package dev.ecoscan.data;

import dev.ecoscan.domain.taxonomy.SituationTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code situation-tags.yaml}: groups of tags, each tag's id and label used once in the file. */
final class SituationTagsFile {

    private SituationTagsFile() {}

    static List<SituationTag> read(Object document) {
        YamlEntry root = YamlEntry.root(KnowledgeBaseLoader.TAGS, document, Set.of("groups"));
        Map<String, String> seen = new HashMap<>();
        List<SituationTag> tags = new ArrayList<>();
        for (YamlEntry group : root.entries("groups", Set.of("id", "name", "tags"))) {
            String groupId = group.text("id");
            group.text("name");
            for (YamlEntry tag : group.entries("tags", Set.of("id", "label", "advice"))) {
                SituationTag built = tag.build(
                        () -> new SituationTag(tag.text("id"), tag.text("label"), groupId, tag.optionalText("advice")));
                for (String key : List.of(built.id(), built.label())) {
                    String first = seen.putIfAbsent(key, tag.path());
                    if (first != null) {
                        throw tag.error("'" + key + "' is already used by the tag at " + first);
                    }
                }
                tags.add(built);
            }
        }
        return tags;
    }
}
