package dev.ecoscan.domain.taxonomy;

/** A node of the waste taxonomy: a major category, a middle category or a leaf item. */
public sealed interface TaxonomyNode permits MajorCategory, MiddleCategory, Item {

    /**
     * The node's stable id.
     *
     * @return its id
     */
    NodeId id();

    /**
     * How people call the node.
     *
     * @return its names
     */
    Names names();

    /**
     * The Korean name, which is also the label the reference API returns.
     *
     * @return the Korean name
     */
    default String name() {
        return names().korean();
    }
}
