package dev.ecoscan.domain.taxonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks shared by the nodes that hold children. */
final class Children {

    private Children() {}

    /** Throws when two children share an id or a Korean name (the reference data's main defect). */
    static <T extends TaxonomyNode> List<T> requireDistinct(List<T> children, NodeId parent) {
        List<T> copy = List.copyOf(children);
        Map<NodeId, T> byId = new HashMap<>();
        Map<String, T> byName = new HashMap<>();
        for (T child : copy) {
            if (byId.putIfAbsent(child.id(), child) != null) {
                throw new IllegalArgumentException("duplicate id '" + child.id() + "' under '" + parent + "'");
            }
            T twin = byName.putIfAbsent(Texts.comparable(child.name()), child);
            if (twin != null) {
                throw new IllegalArgumentException("'" + child.id() + "' and '" + twin.id() + "' under '" + parent
                        + "' have the same name '" + child.name() + "'");
            }
        }
        return copy;
    }
}
