package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The taxonomy written compactly for a prompt: one line per middle category (or major without
 * middles), names and a few Korean aliases, no ids or YAML. Tokens are the cost of every vision call.
 */
final class TaxonomyDigest {

    /** Aliases beyond these add tokens more than they help a model recognise the item. */
    private static final int ALIASES_PER_ITEM = 1;

    private TaxonomyDigest() {
    }

    static String categories(Taxonomy taxonomy) {
        StringBuilder out = new StringBuilder();
        for (MajorCategory major : taxonomy.majors()) {
            if (major.hasMiddles()) {
                for (MiddleCategory middle : major.middles()) {
                    out.append(major.name()).append(" > ").append(middle.name()).append(": ")
                            .append(items(middle.items())).append('\n');
                }
            } else {
                out.append(major.name()).append(": ").append(items(major.items())).append('\n');
            }
        }
        return out.toString().strip();
    }

    static String tags(Taxonomy taxonomy) {
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (SituationTag tag : taxonomy.situationTags()) {
            byGroup.computeIfAbsent(tag.group(), g -> new java.util.ArrayList<>()).add(tag.label());
        }
        return byGroup.entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    private static String items(List<Item> items) {
        return items.stream().map(TaxonomyDigest::item).collect(Collectors.joining(", "));
    }

    private static String item(Item item) {
        List<String> korean = item.names().aliases().stream()
                .filter(alias -> alias.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp)
                        == Character.UnicodeScript.HANGUL))
                .limit(ALIASES_PER_ITEM)
                .toList();
        return korean.isEmpty() ? item.name() : item.name() + "(" + String.join("/", korean) + ")";
    }
}
