package dev.ecoscan.domain.taxonomy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a classifier said, before anyone checked it: labels as ids or Korean names. Model output is
 * untrusted input, so nothing here is assumed to exist; {@link Taxonomy#resolve} decides.
 *
 * @param major         the major category, as the model wrote it
 * @param middle        the middle category, when the model gave one
 * @param item          the item's name, as the model wrote it
 * @param situationTags the situation tags the model reported
 */
public record CategoryLabels(String major, Optional<String> middle, String item, List<String> situationTags) {

    /** Checks that the labels are present; whether they exist is for the taxonomy to say. */
    public CategoryLabels {
        major = Texts.requireText(major, "major label");
        middle = Objects.requireNonNull(middle, "middle")
                .filter(m -> !m.isBlank())
                .map(String::strip);
        item = Texts.requireText(item, "item label");
        situationTags = Texts.requireTexts(situationTags, "situation tag label");
    }

    /**
     * Labels as a test or a fake classifier writes them.
     *
     * @param major  the major category
     * @param middle the middle category, or null for none
     * @param item   the item's name
     * @param tags   the situation tags
     * @return the labels
     */
    public static CategoryLabels of(String major, String middle, String item, String... tags) {
        return new CategoryLabels(major, Optional.ofNullable(middle), item, List.of(tags));
    }
}
