package dev.ecoscan.data;

import dev.ecoscan.domain.port.RuleLookup;
import dev.ecoscan.domain.port.RuleRepository;
import dev.ecoscan.domain.rule.DisposalRule;
import java.util.Objects;
import java.util.Optional;

/** The rule lookup on the in-memory knowledge base (the reference system did the same with a dict). */
public final class KnowledgeBaseRuleRepository implements RuleRepository {

    private final RuleBook rules;

    /**
     * A repository over these rules.
     *
     * @param rules the rules, already in memory
     */
    public KnowledgeBaseRuleRepository(RuleBook rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public Optional<DisposalRule> find(RuleLookup lookup) {
        return rules.find(lookup.classification());
    }
}
