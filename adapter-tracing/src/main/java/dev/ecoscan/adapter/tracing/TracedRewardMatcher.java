package dev.ecoscan.adapter.tracing;

import dev.ecoscan.domain.port.RewardGrant;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.Step;
import java.util.Objects;
import java.util.Optional;

/** Runs each reward match in a {@code reward_match} span; rewards that could not be checked mark it an error. */
final class TracedRewardMatcher implements RewardMatcher {

    private final RewardMatcher delegate;
    private final ScanSpans spans;

    TracedRewardMatcher(RewardMatcher delegate, ScanSpans spans) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.spans = Objects.requireNonNull(spans, "spans");
    }

    @Override
    public RewardOutcome match(RewardGrant grant) {
        return spans.step(
                grant.scanId(),
                Step.REWARD_MATCH.label(),
                () -> delegate.match(grant),
                outcome ->
                        outcome instanceof RewardOutcome.Unavailable ? Optional.of("unavailable") : Optional.empty());
    }
}
