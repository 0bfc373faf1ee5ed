package dev.ecoscan.domain.taxonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A major category ("재활용폐기물", "음식물류폐기물"). It holds either middle categories or items directly,
 * never both: only recyclables are split into middles, and rules are keyed the same way.
 *
 * @param cue one line on what belongs here, for a vision model that picks the category without reading
 *            every item; empty where none was written
 */
public record MajorCategory(
        NodeId id,
        Names names,
        boolean recyclable,
        List<MiddleCategory> middles,
        List<Item> items,
        Optional<String> cue)
        implements TaxonomyNode {

    public MajorCategory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(names, "names");
        cue = Objects.requireNonNull(cue, "cue").map(c -> Texts.requireText(c, "cue"));
        middles = Children.requireDistinct(Objects.requireNonNull(middles, "middles"), id);
        items = Children.requireDistinct(Objects.requireNonNull(items, "items"), id);
        if (middles.isEmpty() == items.isEmpty()) {
            throw new IllegalArgumentException("major category '" + id
                    + "' must hold either middle categories or items, not both and not neither");
        }
        requireAliasesUnique(id, middles, items);
    }

    public MajorCategory(NodeId id, Names names, boolean recyclable, List<MiddleCategory> middles, List<Item> items) {
        this(id, names, recyclable, middles, items, Optional.empty());
    }

    public static MajorCategory withMiddles(NodeId id, Names names, boolean recyclable, List<MiddleCategory> middles) {
        return new MajorCategory(id, names, recyclable, middles, List.of());
    }

    public static MajorCategory withItems(NodeId id, Names names, boolean recyclable, List<Item> items) {
        return new MajorCategory(id, names, recyclable, List.of(), items);
    }

    public boolean hasMiddles() {
        return !middles.isEmpty();
    }

    /** Every item of this major, through its middles when it has them. */
    public Stream<Item> allItems() {
        return hasMiddles() ? middles.stream().flatMap(m -> m.items().stream()) : items.stream();
    }

    /**
     * Within a major, a spelling must point at one node only, or a search for it (and a model's
     * label) would be ambiguous.
     */
    private static void requireAliasesUnique(NodeId major, List<MiddleCategory> middles, List<Item> items) {
        Map<String, NodeId> owners = new HashMap<>();
        Stream<TaxonomyNode> nodes = Stream.concat(
                Stream.concat(middles.stream(), middles.stream().flatMap(m -> m.items().stream())), items.stream());
        nodes.forEach(node -> node.names().spellings().stream()
                .map(Texts::comparable)
                .distinct()
                .forEach(spelling -> {
                    NodeId owner = owners.putIfAbsent(spelling, node.id());
                    if (owner != null) {
                        throw new IllegalArgumentException("the spelling '" + spelling + "' belongs to both '" + owner
                                + "' and '" + node.id() + "' under major '" + major + "'");
                    }
                }));
    }
}
