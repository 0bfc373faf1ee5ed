package dev.ecoscan.data;

import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.rule.ItemRule;
import dev.ecoscan.domain.rule.RuleKey;
import dev.ecoscan.domain.rule.Source;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.ItemVariant;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.domain.taxonomy.TaxonomyNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code disposal-rules.yaml}: exactly one rule for each node the taxonomy gives a rule to, with
 * its cited sources, its item overrides and variants ({@link ItemRuleReader}) and the tags that keep
 * its items from earning a character ({@link RewardBlocking}).
 */
final class DisposalRulesFile {

    private static final Set<String> RULE_KEYS = Set.of(
            "node",
            "destination",
            "summary",
            "targets",
            "common_steps",
            "items",
            "not_accepted",
            "regional_note",
            SourceCatalogue.SOURCES,
            RewardBlocking.KEY);

    private final Taxonomy taxonomy;
    private final SourceCatalogue sources;
    private final RewardBlocking blocking;
    private final Set<NodeId> recyclableMiddles;

    private DisposalRulesFile(Taxonomy taxonomy, SourceCatalogue sources) {
        this.taxonomy = taxonomy;
        this.sources = sources;
        this.blocking = new RewardBlocking(
                taxonomy.situationTags().stream().collect(Collectors.toMap(SituationTag::id, tag -> tag)));
        this.recyclableMiddles =
                taxonomy.recyclableMiddles().map(MiddleCategory::id).collect(Collectors.toSet());
    }

    static RuleBook read(Object document, Taxonomy taxonomy) {
        YamlEntry root = YamlEntry.root(KnowledgeBaseLoader.RULES, document, Set.of(SourceCatalogue.SOURCES, "rules"));
        DisposalRulesFile file = new DisposalRulesFile(taxonomy, new SourceCatalogue(root));
        Set<NodeId> ruleNodes = taxonomy.ruleNodes().map(TaxonomyNode::id).collect(Collectors.toSet());
        Map<NodeId, String> seen = new HashMap<>();
        List<DisposalRule> rules = new ArrayList<>();
        for (YamlEntry entry : root.entries("rules", RULE_KEYS)) {
            NodeId node = entry.build(() -> NodeId.of(entry.text("node")));
            TaxonomyNode target = taxonomy.node(node)
                    .orElseThrow(() ->
                            entry.error("rule for '" + node + "', which is not in " + KnowledgeBaseLoader.TAXONOMY));
            if (!ruleNodes.contains(node)) {
                throw entry.error(
                        "rules belong to middle categories and to majors without middles; '" + node + "' is neither");
            }
            String first = seen.putIfAbsent(node, entry.path());
            if (first != null) {
                throw entry.error("a second rule for '" + node + "', the first is at " + first);
            }
            rules.add(file.rule(entry, node, target));
        }
        for (NodeId node : taxonomy.ruleNodes().map(TaxonomyNode::id).toList()) {
            if (!seen.containsKey(node)) {
                throw new DataFileException(
                        KnowledgeBaseLoader.RULES,
                        "rules",
                        "'" + node + "' (" + taxonomy.node(node).orElseThrow().name()
                                + ") has no rule, so its items could not be answered");
            }
        }
        return new RuleBook(rules);
    }

    private DisposalRule rule(YamlEntry entry, NodeId node, TaxonomyNode target) {
        boolean rewarding = recyclableMiddles.contains(node);
        ItemRuleReader itemRules = new ItemRuleReader(sources, blocking, node, rewarding);
        Map<NodeId, ItemRule> items = new LinkedHashMap<>();
        entry.keyedEntries("items", ItemRuleReader.ITEM_KEYS).forEach((key, itemEntry) -> {
            NodeId itemId = itemEntry.build(() -> NodeId.of(key));
            CategoryPath path = taxonomy.pathOf(itemId)
                    .filter(p -> p.ruleNode().id().equals(node))
                    .orElseThrow(
                            () -> entry.error("items names '" + itemId + "', which is not an item of '" + node + "'"));
            items.put(itemId, itemRules.read(itemEntry, path.item().orElseThrow()));
        });
        requireVariantRules(entry, node, items);
        List<String> blockedBy = blocking.ofRule(entry, node, rewarding);
        List<Source> cited = sources.cited(entry, "a rule");
        RuleKey key = new RuleKey(ruleKeyOf(target));
        return entry.build(() -> new DisposalRule(
                key,
                node,
                entry.text("destination"),
                entry.text("summary"),
                entry.texts("targets"),
                entry.texts("common_steps"),
                items,
                entry.texts("not_accepted"),
                entry.optionalText("regional_note"),
                cited,
                blockedBy));
    }

    /** An item with variants in the taxonomy needs advice for each, or one of them would get the other's. */
    private void requireVariantRules(YamlEntry entry, NodeId node, Map<NodeId, ItemRule> items) {
        taxonomy.itemPaths()
                .filter(p -> p.ruleNode().id().equals(node))
                .flatMap(p -> p.item().stream())
                .filter(item -> !item.variants().isEmpty())
                .forEach(item -> {
                    Set<String> covered = Optional.ofNullable(items.get(item.id()))
                            .map(r -> r.variants().keySet())
                            .orElse(Set.of());
                    for (ItemVariant variant : item.variants()) {
                        if (!covered.contains(variant.tag())) {
                            throw entry.error("'" + item.id() + "' has the variant '" + variant.tag() + "' in "
                                    + KnowledgeBaseLoader.TAXONOMY + " but no advice for it under items."
                                    + item.id() + ".variants");
                        }
                    }
                });
    }

    private String ruleKeyOf(TaxonomyNode node) {
        return switch (node) {
            case MiddleCategory middle ->
                taxonomy.majors().stream()
                                .filter(m -> m.middles().contains(middle))
                                .findFirst()
                                .orElseThrow()
                                .name() + "_" + middle.name();
            case MajorCategory major -> major.name();
            case Item item -> throw new IllegalStateException("items carry no rule of their own: " + item.id());
        };
    }
}
