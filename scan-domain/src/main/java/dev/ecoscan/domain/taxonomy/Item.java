package dev.ecoscan.domain.taxonomy;

import java.util.Objects;

/** A leaf of the taxonomy: one kind of thing a person throws away ("우유팩"). */
public record Item(NodeId id, Names names) implements TaxonomyNode {

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(names, "names");
    }
}
