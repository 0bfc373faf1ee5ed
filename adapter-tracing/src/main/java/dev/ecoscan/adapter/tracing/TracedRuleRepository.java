package dev.ecoscan.adapter.tracing;

import dev.ecoscan.domain.port.RuleLookup;
import dev.ecoscan.domain.port.RuleRepository;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.scan.Step;
import java.util.Objects;
import java.util.Optional;

/** Runs each rule lookup in a {@code rag} span. */
final class TracedRuleRepository implements RuleRepository {

    private final RuleRepository delegate;
    private final ScanSpans spans;

    TracedRuleRepository(RuleRepository delegate, ScanSpans spans) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.spans = Objects.requireNonNull(spans, "spans");
    }

    @Override
    public Optional<DisposalRule> find(RuleLookup lookup) {
        return spans.step(lookup.scanId(), Step.RAG.label(), () -> delegate.find(lookup), found -> Optional.empty());
    }
}
