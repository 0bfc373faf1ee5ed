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

    /**
     * A rule book of these rules.
     *
     * @param rules one rule per rule node
     * @throws IllegalArgumentException when two rules are for the same node
     */
    public RuleBook(Collection<DisposalRule> rules) {
        Map<NodeId, DisposalRule> map = new LinkedHashMap<>();
        for (DisposalRule rule : rules) {
            if (map.putIfAbsent(rule.node(), rule) != null) {
                throw new IllegalArgumentException("two rules for '" + rule.node() + "'");
            }
        }
        this.byNode = Map.copyOf(map);
    }

    /**
     * The rule of one rule node.
     *
     * @param node a middle, or a major without middles
     * @return its rule, or empty when the data has none
     */
    public Optional<DisposalRule> forNode(NodeId node) {
        return Optional.ofNullable(byNode.get(node));
    }

    /**
     * The rule of the classification's middle category, or of its major when it has none.
     *
     * @param classification what a scan found
     * @return its rule, or empty when the data has none
     */
    public Optional<DisposalRule> find(Classification classification) {
        return forNode(classification.path().ruleNode().id());
    }

    /**
     * Every rule.
     *
     * @return the rules, in no particular order
     */
    public Collection<DisposalRule> all() {
        return byNode.values();
    }

    /**
     * How many rules there are, for reports.
     *
     * @return the number of rules
     */
    public int size() {
        return byNode.size();
    }
}
