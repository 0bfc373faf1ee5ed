package dev.ecoscan.domain.port;

import dev.ecoscan.domain.rule.DisposalRule;
import java.util.Optional;

/** Finds the disposal rule for a classified item (the {@code rag} step). */
public interface RuleRepository {

    Optional<DisposalRule> find(RuleLookup lookup);
}
