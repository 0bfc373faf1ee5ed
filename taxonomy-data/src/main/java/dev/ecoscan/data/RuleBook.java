package dev.ecoscan.data;

import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.NodeId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The disposal rules, one per rule node, held in memory: a lookup is a map access. */
public final class RuleBook {

    private final Map<NodeId, DisposalRule> byNode;

    public RuleBook(Collection<DisposalRule> rules) {
        Map<NodeId, DisposalRule> map = new LinkedHashMap<>();
        for (DisposalRule rule : rules) {
            if (map.putIfAbsent(rule.node(), rule) != null) {
                throw new IllegalArgumentException("two rules for '" + rule.node() + "'");
            }
        }
        this.byNode = Map.copyOf(map);
    }

    public Optional<DisposalRule> forNode(NodeId node) {
        return Optional.ofNullable(byNode.get(node));
    }

    /** The rule of the classification's middle category, or of its major when it has none. */
    public Optional<DisposalRule> find(Classification classification) {
        return forNode(classification.path().ruleNode().id());
    }

    public Collection<DisposalRule> all() {
        return byNode.values();
    }

    public int size() {
        return byNode.size();
    }
}
