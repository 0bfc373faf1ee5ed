package dev.ecoscan.domain.taxonomy;

/** A node of the waste taxonomy: a major category, a middle category or a leaf item. */
public sealed interface TaxonomyNode permits MajorCategory, MiddleCategory, Item {

    NodeId id();

    Names names();

    /** The Korean name, which is also the label the reference API returns. */
    default String name() {
        return names().korean();
    }
}
