package dev.ecoscan.domain.taxonomy;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a scanned thing sits: its major, its middle (recyclables only) and, when eco-scan could tell
 * which one it is, the item. A path without an item is a category the vision step was sure of while
 * the name it gave for the thing matched no item of it: the category's rule applies, and nothing is
 * guessed.
 *
 * @param major  the major category
 * @param middle its middle category, when the major has middles
 * @param item   the item, when one was recognised
 */
public record CategoryPath(MajorCategory major, Optional<MiddleCategory> middle, Optional<Item> item) {

    /** Said of a path whose item was not recognised, where a person reads the path. */
    public static final String UNRECOGNISED_ITEM = "품목 미확인";

    /** Checks that the middle belongs to the major and the item to the middle (or the major). */
    public CategoryPath {
        Objects.requireNonNull(major, "major");
        Objects.requireNonNull(middle, "middle");
        Objects.requireNonNull(item, "item");
        if (middle.isPresent()) {
            if (!major.middles().contains(middle.get())) {
                throw new IllegalArgumentException(
                        "'" + middle.get().id() + "' is not a middle category of '" + major.id() + "'");
            }
            if (item.isPresent() && !middle.get().items().contains(item.get())) {
                throw new IllegalArgumentException("'" + item.get().id() + "' is not an item of '"
                        + middle.get().id() + "'");
            }
        } else if (major.hasMiddles()) {
            throw new IllegalArgumentException("'" + major.id() + "' needs a middle category");
        } else if (item.isPresent() && !major.items().contains(item.get())) {
            throw new IllegalArgumentException(
                    "'" + item.get().id() + "' is not an item directly under '" + major.id() + "'");
        }
    }

    /**
     * An item's path.
     *
     * @param major  the major category
     * @param middle its middle category, when the major has middles
     * @param item   the item
     */
    public CategoryPath(MajorCategory major, Optional<MiddleCategory> middle, Item item) {
        this(major, middle, Optional.of(Objects.requireNonNull(item, "item")));
    }

    /**
     * The node whose disposal rule applies: the middle when there is one, else the major.
     *
     * @return the middle, or the major
     */
    public TaxonomyNode ruleNode() {
        return middle.<TaxonomyNode>map(m -> m).orElse(major);
    }

    /**
     * The item's name, or the rule node's when the item was not recognised.
     *
     * @return a name a person can read
     */
    public String itemOrCategoryName() {
        return item.map(Item::name).orElseGet(() -> ruleNode().name());
    }

    /**
     * "재활용폐기물 > 종이팩 > 우유팩", or "재활용폐기물 > 종이팩 > (품목 미확인)".
     *
     * @return the path for people to read
     */
    public String display() {
        return major.name() + middle.map(m -> " > " + m.name()).orElse("") + " > "
                + item.map(Item::name).orElse("(" + UNRECOGNISED_ITEM + ")");
    }
}
