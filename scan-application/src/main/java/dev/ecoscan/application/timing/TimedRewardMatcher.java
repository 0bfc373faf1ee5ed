package dev.ecoscan.application.timing;

import dev.ecoscan.domain.port.RewardGrant;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepStatus;
import java.util.Objects;

/** Records the {@code reward_match} step of every reward match. */
public final class TimedRewardMatcher implements RewardMatcher {

    private final RewardMatcher delegate;
    private final StepTimer timer;

    /**
     * Times {@code delegate} with {@code timer}.
     *
     * @param delegate the reward matcher
     * @param timer    records each call
     */
    public TimedRewardMatcher(RewardMatcher delegate, StepTimer timer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    @Override
    public RewardOutcome match(RewardGrant grant) {
        return timer.time(grant.scanId(), Step.REWARD_MATCH, () -> delegate.match(grant), outcome -> switch (outcome) {
            case RewardOutcome.Granted granted -> StepStatus.SUCCESS;
            case RewardOutcome.AlreadyOwned owned -> StepStatus.SUCCESS;
            case RewardOutcome.NotEligible notEligible -> StepStatus.REJECTED;
            case RewardOutcome.Unavailable unavailable -> StepStatus.FAILED;
        });
    }
}
