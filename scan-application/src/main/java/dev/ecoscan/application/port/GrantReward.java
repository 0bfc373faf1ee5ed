package dev.ecoscan.application.port;

import dev.ecoscan.domain.reward.RewardOutcome;

/** Grants the character a claimed scan earns: the character service's reward route. */
public interface GrantReward {

    /**
     * Judges the claim with {@link dev.ecoscan.domain.reward.RewardPolicy} and grants what it earns.
     * Trouble with the collection comes back as {@link RewardOutcome.Unavailable}.
     *
     * @throws IllegalArgumentException when the claimed classification is not in this taxonomy
     * @param claim what the caller found and for whom
     * @return what the scan earned
     */
    RewardOutcome grant(RewardClaim claim);
}
