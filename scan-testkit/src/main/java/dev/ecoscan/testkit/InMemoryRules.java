package dev.ecoscan.testkit;

import dev.ecoscan.data.RuleBook;
import dev.ecoscan.domain.port.RuleLookup;
import dev.ecoscan.domain.port.RuleRepository;
import dev.ecoscan.domain.rule.DisposalRule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Rules from a rule book (or none at all), remembering every lookup. */
public final class InMemoryRules implements RuleRepository {

    private final RuleBook rules;
    private final List<RuleLookup> lookups = new CopyOnWriteArrayList<>();

    /**
     * A repository over these rules.
     *
     * @param rules the rules to look up
     */
    public InMemoryRules(RuleBook rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * A repository that knows no rule: every lookup misses.
     *
     * @return an empty repository
     */
    public static InMemoryRules empty() {
        return new InMemoryRules(new RuleBook(List.of()));
    }

    @Override
    public Optional<DisposalRule> find(RuleLookup lookup) {
        lookups.add(lookup);
        return rules.find(lookup.classification());
    }

    /**
     * Every lookup the pipeline made, in order.
     *
     * @return the lookups
     */
    public List<RuleLookup> lookups() {
        return List.copyOf(lookups);
    }

    /**
     * How many lookups the pipeline made.
     *
     * @return the number of lookups
     */
    public int calls() {
        return lookups.size();
    }
}
