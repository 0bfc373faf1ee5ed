package dev.ecoscan.domain.port;

import dev.ecoscan.domain.rule.DisposalRule;
import java.util.Optional;

/** Finds the disposal rule for a classified item (the {@code rag} step). */
public interface RuleRepository {

    /**
     * Finds the rule of the classified item's rule node.
     *
     * @param lookup the classified item
     * @return its disposal rule, or empty when the data has none for it
     */
    Optional<DisposalRule> find(RuleLookup lookup);
}
