package dev.ecoscan.domain.taxonomy;

import java.util.List;
import java.util.Objects;

/** A middle category of a major, e.g. 종이팩 under 재활용폐기물; holds the items. */
public record MiddleCategory(NodeId id, Names names, List<Item> items) implements TaxonomyNode {

    public MiddleCategory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(names, "names");
        items = Children.requireDistinct(Objects.requireNonNull(items, "items"), id);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("middle category '" + id + "' has no items");
        }
    }
}
