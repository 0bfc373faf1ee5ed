package dev.ecoscan.bootstrap.eval;

import dev.ecoscan.domain.taxonomy.CategoryPath;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a labelled image should give: an item of the taxonomy (its path) with situation tags, or a
 * rejection (an item the taxonomy does not have, or a photo that should not be classified).
 */
public record Expected(Optional<CategoryPath> path, Set<String> tags) {

    public Expected {
        Objects.requireNonNull(path, "path");
        tags = Set.copyOf(tags);
        if (path.isPresent() && path.get().item().isEmpty()) {
            throw new IllegalArgumentException("an expected path names an item");
        }
        if (path.isEmpty() && !tags.isEmpty()) {
            throw new IllegalArgumentException("an expected rejection has no tags");
        }
    }

    public static Expected item(CategoryPath path, Set<String> tags) {
        return new Expected(Optional.of(path), tags);
    }

    public static Expected rejection() {
        return new Expected(Optional.empty(), Set.of());
    }

    public boolean isRejection() {
        return path.isEmpty();
    }

    /** The item's name, or {@code rejected}. */
    public String describe() {
        return path.flatMap(CategoryPath::item).map(item -> item.name()).orElse(LabelledSet.REJECTED);
    }
}
