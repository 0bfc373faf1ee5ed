package dev.ecoscan.domain.taxonomy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A middle category of a major, e.g. 종이팩 under 재활용폐기물; holds the items.
 *
 * @param cue one line on what belongs here ("우유·두유·주스 종이팩, 멸균팩"), for a vision model that
 *            picks the category without reading every item; empty where none was written
 * @param id    its id, e.g. {@code recyclable.paper-pack}
 * @param names its Korean name and aliases
 * @param items its items
 */
public record MiddleCategory(NodeId id, Names names, List<Item> items, Optional<String> cue) implements TaxonomyNode {

    /** Checks that every part is present and copies the items. */
    public MiddleCategory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(names, "names");
        cue = Objects.requireNonNull(cue, "cue").map(c -> Texts.requireText(c, "cue"));
        items = Children.requireDistinct(Objects.requireNonNull(items, "items"), id);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("middle category '" + id + "' has no items");
        }
    }

    /**
     * A middle category without a cue.
     *
     * @param id    its id
     * @param names its names
     * @param items its items
     */
    public MiddleCategory(NodeId id, Names names, List<Item> items) {
        this(id, names, items, Optional.empty());
    }
}
