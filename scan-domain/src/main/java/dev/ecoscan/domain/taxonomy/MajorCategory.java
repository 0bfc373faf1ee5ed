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
 * @param id         its id, e.g. {@code recyclable}
 * @param names      its Korean name and aliases
 * @param recyclable whether its items go to recycling (the reward gate's first condition)
 * @param middles    its middle categories; empty when items hang under it directly
 * @param items      its items when it has no middles; empty otherwise
 */
public record MajorCategory(
        NodeId id,
        Names names,
        boolean recyclable,
        List<MiddleCategory> middles,
        List<Item> items,
        Optional<String> cue)
        implements TaxonomyNode {

    /** Checks that a major has middles or items, never both. */
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

    /**
     * A major without a cue.
     *
     * @param id         its id
     * @param names      its names
     * @param recyclable whether its items are recycled
     * @param middles    its middle categories, or empty
     * @param items      its items when it has no middles, or empty
     */
    public MajorCategory(NodeId id, Names names, boolean recyclable, List<MiddleCategory> middles, List<Item> items) {
        this(id, names, recyclable, middles, items, Optional.empty());
    }

    /**
     * A major divided into middle categories.
     *
     * @param id         its id
     * @param names      its names
     * @param recyclable whether its items are recycled
     * @param middles    its middle categories
     * @return the major, with no cue
     */
    public static MajorCategory withMiddles(NodeId id, Names names, boolean recyclable, List<MiddleCategory> middles) {
        return new MajorCategory(id, names, recyclable, middles, List.of());
    }

    /**
     * A major whose items hang under it directly.
     *
     * @param id         its id
     * @param names      its names
     * @param recyclable whether its items are recycled
     * @param items      its items
     * @return the major, with no cue
     */
    public static MajorCategory withItems(NodeId id, Names names, boolean recyclable, List<Item> items) {
        return new MajorCategory(id, names, recyclable, List.of(), items);
    }

    /**
     * Whether the major is divided into middle categories.
     *
     * @return true when it has middles
     */
    public boolean hasMiddles() {
        return !middles.isEmpty();
    }

    /**
     * Every item of this major, through its middles when it has them.
     *
     * @return the items, in data order
     */
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
