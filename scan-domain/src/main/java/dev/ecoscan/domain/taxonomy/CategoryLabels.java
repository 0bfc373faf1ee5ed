package dev.ecoscan.domain.taxonomy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a classifier said, before anyone checked it: labels as ids or Korean names. Model output is
 * untrusted input, so nothing here is assumed to exist; {@link Taxonomy#resolve} decides.
 */
public record CategoryLabels(String major, Optional<String> middle, String item, List<String> situationTags) {

    public CategoryLabels {
        major = Texts.requireText(major, "major label");
        middle = Objects.requireNonNull(middle, "middle")
                .filter(m -> !m.isBlank())
                .map(String::strip);
        item = Texts.requireText(item, "item label");
        situationTags = Texts.requireTexts(situationTags, "situation tag label");
    }

    public static CategoryLabels of(String major, String middle, String item, String... tags) {
        return new CategoryLabels(major, Optional.ofNullable(middle), item, List.of(tags));
    }
}
