package dev.ecoscan.domain.port;

import dev.ecoscan.domain.reward.RewardOutcome;

/**
 * Grants the character a qualifying scan earns (the {@code reward_match} step). The scan has already
 * qualified ({@link RewardGrant}); a matcher looks up the character and grants it. Granting is
 * idempotent per user and character; trouble is reported as {@link RewardOutcome.Unavailable}, and a
 * remote character service may still decline ({@link RewardOutcome.NotEligible}).
 */
public interface RewardMatcher {

    RewardOutcome match(RewardGrant grant);
}
