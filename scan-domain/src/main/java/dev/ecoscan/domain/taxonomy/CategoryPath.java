package dev.ecoscan.domain.taxonomy;

import java.util.Objects;
import java.util.Optional;

/** Where an item sits: its major, its middle (recyclables only) and the item itself. */
public record CategoryPath(MajorCategory major, Optional<MiddleCategory> middle, Item item) {

    public CategoryPath {
        Objects.requireNonNull(major, "major");
        Objects.requireNonNull(middle, "middle");
        Objects.requireNonNull(item, "item");
        if (middle.isPresent()) {
            if (!major.middles().contains(middle.get())) {
                throw new IllegalArgumentException("'" + middle.get().id() + "' is not a middle category of '" + major.id() + "'");
            }
            if (!middle.get().items().contains(item)) {
                throw new IllegalArgumentException("'" + item.id() + "' is not an item of '" + middle.get().id() + "'");
            }
        } else if (!major.items().contains(item)) {
            throw new IllegalArgumentException("'" + item.id() + "' is not an item directly under '" + major.id() + "'");
        }
    }

    /** The node whose disposal rule applies: the middle when there is one, else the major. */
    public TaxonomyNode ruleNode() {
        return middle.<TaxonomyNode>map(m -> m).orElse(major);
    }

    /** "재활용폐기물 > 종이팩 > 우유팩". */
    public String display() {
        return major.name() + middle.map(m -> " > " + m.name()).orElse("") + " > " + item.name();
    }
}
