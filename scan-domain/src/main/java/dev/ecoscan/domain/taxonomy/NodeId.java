package dev.ecoscan.domain.taxonomy;

/**
 * The stable identifier of a taxonomy node, e.g. {@code recyclable.paper-pack.milk-carton}.
 *
 * @param value the dotted id
 */
public record NodeId(String value) implements Comparable<NodeId> {

    /** Checks that the id is a dotted path of slugs. */
    public NodeId {
        Slugs.require(value, "node id");
    }

    /**
     * An id from its text.
     *
     * @param value the dotted id
     * @return the id
     */
    public static NodeId of(String value) {
        return new NodeId(value);
    }

    @Override
    public int compareTo(NodeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
