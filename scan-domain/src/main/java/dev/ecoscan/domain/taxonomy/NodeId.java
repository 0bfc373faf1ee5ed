package dev.ecoscan.domain.taxonomy;

/** The stable identifier of a taxonomy node, e.g. {@code recyclable.paper-pack.milk-carton}. */
public record NodeId(String value) implements Comparable<NodeId> {

    public NodeId {
        Slugs.require(value, "node id");
    }

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
