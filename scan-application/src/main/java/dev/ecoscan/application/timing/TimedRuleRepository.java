package dev.ecoscan.application.timing;

import dev.ecoscan.domain.port.RuleLookup;
import dev.ecoscan.domain.port.RuleRepository;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepStatus;
import java.util.Objects;
import java.util.Optional;

/** Records the {@code rag} step of every rule lookup. */
public final class TimedRuleRepository implements RuleRepository {

    private final RuleRepository delegate;
    private final StepTimer timer;

    /**
     * Times {@code delegate} with {@code timer}.
     *
     * @param delegate the rule repository
     * @param timer    records each call
     */
    public TimedRuleRepository(RuleRepository delegate, StepTimer timer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    @Override
    public Optional<DisposalRule> find(RuleLookup lookup) {
        return timer.time(
                lookup.scanId(),
                Step.RAG,
                () -> delegate.find(lookup),
                rule -> rule.isPresent() ? StepStatus.SUCCESS : StepStatus.REJECTED);
    }
}
