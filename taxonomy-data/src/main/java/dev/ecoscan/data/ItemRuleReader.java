package dev.ecoscan.data;

import dev.ecoscan.domain.rule.ItemRule;
import dev.ecoscan.domain.rule.RuleOverride;
import dev.ecoscan.domain.rule.Source;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.ItemVariant;
import dev.ecoscan.domain.taxonomy.NodeId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the item overrides and variants of one rule. Their own {@code reward_blocked_by} is checked
 * like the rule's, and only allowed where the rule earns a reward at all.
 */
record ItemRuleReader(SourceCatalogue sources, RewardBlocking blocking, NodeId node, boolean rewarding) {

    static final Set<String> OVERRIDE_KEYS = Set.of(
            "destination",
            "summary",
            "before",
            "instead",
            "after",
            "regional_note",
            SourceCatalogue.SOURCES,
            RewardBlocking.KEY);
    static final Set<String> ITEM_KEYS = itemKeys();

    private static Set<String> itemKeys() {
        Set<String> keys = new HashSet<>(OVERRIDE_KEYS);
        keys.add("variants");
        return Set.copyOf(keys);
    }

    /** An item's entry: its own override (when it changes anything itself) and its variants. */
    ItemRule read(YamlEntry entry, Item item) {
        boolean ownChange = OVERRIDE_KEYS.stream().anyMatch(k -> !k.equals(SourceCatalogue.SOURCES) && entry.has(k));
        Optional<RuleOverride> own = ownChange || !entry.has("variants")
                ? Optional.of(override(entry, "an item override"))
                : Optional.empty();
        Set<String> known = item.variants().stream().map(ItemVariant::tag).collect(Collectors.toSet());
        Map<String, RuleOverride> variants = new LinkedHashMap<>();
        entry.keyedEntries("variants", OVERRIDE_KEYS).forEach((tag, variant) -> {
            if (!known.contains(tag)) {
                throw variant.error("'" + item.id() + "' has no variant '" + tag + "' in "
                        + KnowledgeBaseLoader.TAXONOMY + "; its variants: " + known);
            }
            variants.put(tag, override(variant, "a variant"));
        });
        return entry.build(() -> new ItemRule(own, variants));
    }

    private RuleOverride override(YamlEntry entry, String what) {
        List<Source> cited = sources.cited(entry, what);
        Optional<List<String>> instead = entry.has("instead") ? Optional.of(entry.texts("instead")) : Optional.empty();
        Optional<List<String>> blockedBy = blocking.ofOverride(entry, node, rewarding, what);
        return entry.build(() -> new RuleOverride(
                entry.optionalText("destination"),
                entry.optionalText("summary"),
                entry.texts("before"),
                instead,
                entry.texts("after"),
                entry.optionalText("regional_note"),
                cited,
                blockedBy));
    }
}
