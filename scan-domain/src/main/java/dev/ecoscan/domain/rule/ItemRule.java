package dev.ecoscan.domain.rule;

import dev.ecoscan.domain.taxonomy.Slugs;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One item's departures from its category's rule, and its variants: the same item handled
 * differently by what it is made of (a water ice pack vs a gel one), chosen by a situation tag.
 *
 * @param override what the item changes, applied to every variant; empty when only variants differ
 * @param variants by situation tag id, each applied on top of the item's override
 */
public record ItemRule(Optional<RuleOverride> override, Map<String, RuleOverride> variants) {

    /** Checks that the item has an override or variants, and keeps the variants in the file's order. */
    public ItemRule {
        Objects.requireNonNull(override, "override");
        Map<String, RuleOverride> copy = new LinkedHashMap<>();
        Objects.requireNonNull(variants, "variants")
                .forEach((tag, variant) -> copy.put(
                        Slugs.require(tag, "variant's situation tag id"), Objects.requireNonNull(variant, "variant")));
        // Keeps the file's order: the first variant listed is the one asked about first.
        variants = Collections.unmodifiableMap(copy);
        if (override.isEmpty() && variants.isEmpty()) {
            throw new IllegalArgumentException("an item rule needs an override or variants");
        }
    }

    /**
     * An item rule with an override and no variants.
     *
     * @param override what the item changes
     * @return the item rule
     */
    public static ItemRule of(RuleOverride override) {
        return new ItemRule(Optional.of(override), Map.of());
    }
}
