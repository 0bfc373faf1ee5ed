package dev.ecoscan.domain.rule;

import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.SearchHit;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.domain.taxonomy.TaxonomyNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * "How do I throw this away?" in text: the taxonomy's search, with each hit's advice from the rules.
 * The command line and the HTTP API both answer from here, so they cannot disagree.
 */
public final class Guide {

    /**
     * One hit with what to do; a major split into middles has no single rule, so no advice.
     *
     * @param hit    the taxonomy node the text matched
     * @param rule   the rule of that node, when it has one
     * @param advice what to do, when the node has one rule
     */
    public record Finding(SearchHit hit, Optional<DisposalRule> rule, Optional<Advice> advice) {
        /** Checks that every part is present. */
        public Finding {
            Objects.requireNonNull(hit, "hit");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(advice, "advice");
        }
    }

    private final Taxonomy taxonomy;
    private final Function<NodeId, Optional<DisposalRule>> rules;

    /**
     * A guide over one taxonomy and its rules.
     *
     * @param taxonomy the taxonomy to search
     * @param rules    the rule of a rule node (a middle, or a major without middles)
     */
    public Guide(Taxonomy taxonomy, Function<NodeId, Optional<DisposalRule>> rules) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * The taxonomy this guide searches.
     *
     * @return the taxonomy
     */
    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /**
     * The rule of a rule node (a middle, or a major without middles).
     *
     * @param node a rule node's id
     * @return its rule, or empty when the data has none
     */
    public Optional<DisposalRule> ruleOf(NodeId node) {
        return rules.apply(Objects.requireNonNull(node, "node"));
    }

    /**
     * Searches the taxonomy for a text and pairs each hit with its advice.
     *
     * @param text what the person typed, e.g. "우유팩"
     * @return the hits, best first, possibly none
     */
    public List<Finding> find(String text) {
        return taxonomy.find(text).stream().map(this::finding).toList();
    }

    private Finding finding(SearchHit hit) {
        TaxonomyNode node = hit.node();
        return switch (node) {
            case Item item -> {
                Optional<DisposalRule> rule =
                        rules.apply(hit.path().orElseThrow().ruleNode().id());
                yield new Finding(
                        hit,
                        rule,
                        rule.map(r -> hit.variant()
                                .map(variant -> r.adviceForVariant(item, variant.tag()))
                                .orElseGet(() -> r.adviceFor(item))));
            }
            case MiddleCategory middle -> category(hit, middle.id());
            case MajorCategory major ->
                major.hasMiddles() ? new Finding(hit, Optional.empty(), Optional.empty()) : category(hit, major.id());
        };
    }

    private Finding category(SearchHit hit, NodeId node) {
        Optional<DisposalRule> rule = rules.apply(node);
        return new Finding(hit, rule, rule.map(DisposalRule::categoryAdvice));
    }
}
