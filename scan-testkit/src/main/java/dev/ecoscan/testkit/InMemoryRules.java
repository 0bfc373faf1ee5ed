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

    public InMemoryRules(RuleBook rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** A repository that knows no rule: every lookup misses. */
    public static InMemoryRules empty() {
        return new InMemoryRules(new RuleBook(List.of()));
    }

    @Override
    public Optional<DisposalRule> find(RuleLookup lookup) {
        lookups.add(lookup);
        return rules.find(lookup.classification());
    }

    public List<RuleLookup> lookups() {
        return List.copyOf(lookups);
    }

    public int calls() {
        return lookups.size();
    }
}
