package dev.ecoscan.application.characters;

import dev.ecoscan.application.port.GrantReward;
import dev.ecoscan.application.port.RewardClaim;
import dev.ecoscan.domain.port.RewardGrant;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.reward.RewardDecision;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.reward.RewardPolicy;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Grants claimed rewards: resolves the claimed names against this taxonomy, decides with the same
 * {@link RewardPolicy} a scan uses, and hands only a decided grant to the {@link RewardMatcher}.
 */
public final class GrantRewardService implements GrantReward {

    /** A grant is a database write; it must not hold its caller longer than this. */
    public static final Duration GRANT_DEADLINE = Duration.ofSeconds(5);

    private final Taxonomy taxonomy;
    private final RewardMatcher matcher;
    private final Clock clock;

    /**
     * A service over this taxonomy and matcher.
     *
     * @param taxonomy checks the claimed labels
     * @param matcher  grants the character
     * @param clock    dates the grant's deadline
     */
    public GrantRewardService(Taxonomy taxonomy, RewardMatcher matcher, Clock clock) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RewardOutcome grant(RewardClaim claim) {
        if (!(taxonomy.resolve(claim.labels()) instanceof Resolution.Resolved resolved)) {
            throw new IllegalArgumentException("the classification is not in the taxonomy");
        }
        return switch (RewardPolicy.decideReported(
                resolved.classification(), claim.ruleFound(), claim.blockingTagsSeen())) {
            case RewardDecision.NotEligible notEligible -> notEligible.outcome();
            case RewardDecision.Eligible eligible ->
                matcher.match(new RewardGrant(
                        ScanId.random(),
                        claim.user(),
                        eligible.classification(),
                        clock.instant().plus(GRANT_DEADLINE)));
        };
    }
}
