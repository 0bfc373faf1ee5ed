package dev.ecoscan.domain.taxonomy;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A leaf of the taxonomy: one kind of thing a person throws away ("우유팩"), with the variants that
 * are put out differently, if any.
 *
 * @param id       its id, e.g. {@code recyclable.paper-pack.milk-carton}
 * @param names    its Korean name and aliases
 * @param variants the kinds of it that are put out differently, if any
 */
public record Item(NodeId id, Names names, List<ItemVariant> variants) implements TaxonomyNode {

    /** Checks that every part is present and that no two variants share a tag. */
    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(names, "names");
        variants = List.copyOf(Objects.requireNonNull(variants, "variants"));
        Set<String> tags = new HashSet<>();
        for (ItemVariant variant : variants) {
            if (!tags.add(variant.tag())) {
                throw new IllegalArgumentException(
                        "item '" + id + "' has two variants for the tag '" + variant.tag() + "'");
            }
        }
    }

    /**
     * An item without variants.
     *
     * @param id    its id
     * @param names its names
     */
    public Item(NodeId id, Names names) {
        this(id, names, List.of());
    }
}
