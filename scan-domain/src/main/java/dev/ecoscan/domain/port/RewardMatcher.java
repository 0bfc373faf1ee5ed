package dev.ecoscan.domain.port;

import dev.ecoscan.domain.reward.RewardOutcome;

/**
 * Grants the character a qualifying scan earns (the {@code reward_match} step). The scan has already
 * qualified ({@link RewardGrant}); a matcher looks up the character and grants it. Granting is
 * idempotent per user and character; trouble is reported as {@link RewardOutcome.Unavailable}, and a
 * remote character service may still decline ({@link RewardOutcome.NotEligible}).
 *
 * <p>The pipeline never interrupts a match (an interrupt in an embedded database's file I/O can
 * close it): a matcher bounds its own work by {@link RewardGrant#deadline()}, with a query or HTTP
 * timeout. It is waited for a little past the deadline, then left to end on its own.
 */
public interface RewardMatcher {

    /**
     * Grants the character, by the grant's deadline.
     *
     * @param grant the decided reward
     * @return granted, already owned, declined by a remote service, or unavailable; never throws
     */
    RewardOutcome match(RewardGrant grant);

    /**
     * A matcher for embedders that keep no rewards: every decided grant is {@link
     * RewardOutcome.Unavailable}, so the scan's outcome says plainly that no character was checked.
     *
     * @return a matcher that grants nothing
     */
    static RewardMatcher none() {
        return grant -> new RewardOutcome.Unavailable("no reward store is configured");
    }
}
