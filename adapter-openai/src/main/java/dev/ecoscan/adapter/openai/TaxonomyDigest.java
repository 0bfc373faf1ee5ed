package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.Optional;

/**
 * The taxonomy written compactly for a prompt: one line per category (a middle, or a major without
 * middles) with its one-line cue. Items are not listed: the model
 * names the thing in its own words and eco-scan resolves the name, so the prompt stays the same size
 * however many items the knowledge base holds. Tokens are the cost of every vision call.
 */
final class TaxonomyDigest {

    private TaxonomyDigest() {}

    static String categories(Taxonomy taxonomy) {
        StringBuilder out = new StringBuilder();
        for (MajorCategory major : taxonomy.majors()) {
            if (major.hasMiddles()) {
                for (MiddleCategory middle : major.middles()) {
                    out.append(major.name())
                            .append(" > ")
                            .append(middle.name())
                            .append(cue(middle.cue()))
                            .append('\n');
                }
            } else {
                out.append(major.name()).append(cue(major.cue())).append('\n');
            }
        }
        return out.toString().strip();
    }

    private static String cue(Optional<String> cue) {
        return cue.map(text -> ": " + text).orElse("");
    }
}
