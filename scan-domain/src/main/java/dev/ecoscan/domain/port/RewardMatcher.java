package dev.ecoscan.domain.port;

import dev.ecoscan.domain.reward.RewardOutcome;

/**
 * Grants the character a qualifying scan earns (the {@code reward_match} step). Granting is
 * idempotent per user and character; trouble is reported as {@link RewardOutcome.Unavailable}.
 */
public interface RewardMatcher {

    RewardOutcome match(RewardRequest request);
}
