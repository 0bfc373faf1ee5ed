package dev.ecoscan.domain.taxonomy;

import java.util.Objects;
import java.util.Optional;

/**
 * One node a text search found, and how.
 *
 * @param node     the item, middle or major found
 * @param path     the item's place in the tree; empty for a middle or a major
 * @param variant  the variant of the item the text named ("물 아이스팩"), if it named one
 * @param match    how the text matched, which is also how hits are ranked
 * @param spelling the name or alias that matched
 */
public record SearchHit(
        TaxonomyNode node, Optional<CategoryPath> path, Optional<ItemVariant> variant, Match match, String spelling) {

    /**
     * How the text matched: a whole name, a whole alias, part of a spelling (or a text holding a whole
     * spelling), or a spelling one letter away. Names rank first, then aliases, then parts; see
     * {@link Taxonomy#find} for where typos fall.
     */
    public enum Match {
        /** The node's name. */
        NAME,
        /** One of the node's aliases. */
        ALIAS,
        /** Part of a name or alias. */
        PARTIAL,
        /** A spelling one letter away. */
        TYPO
    }

    /** Checks the parts, and that a hit has a path exactly when it found an item. */
    public SearchHit {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(match, "match");
        spelling = Texts.requireText(spelling, "spelling");
        if (path.isPresent() != node instanceof Item) {
            throw new IllegalArgumentException("a hit has a path exactly when it found an item: " + node.id());
        }
    }

    /**
     * "재활용폐기물 > 금속류 > 부탄가스", "재활용폐기물 > 전지" or "생활계유해폐기물".
     *
     * @param taxonomy the taxonomy the hit came from, which names the nodes above it
     * @return the hit's path for people to read
     */
    public String display(Taxonomy taxonomy) {
        return path.map(CategoryPath::display)
                        .orElseGet(() -> taxonomy.majors().stream()
                                .filter(major -> major.middles().contains(node))
                                .findFirst()
                                .map(major -> major.name() + " > " + node.name())
                                .orElse(node.name()))
                + variant.map(v -> " (" + v.names().korean() + ")").orElse("");
    }
}
