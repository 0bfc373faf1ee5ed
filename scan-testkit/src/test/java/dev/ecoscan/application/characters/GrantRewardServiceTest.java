package dev.ecoscan.application.characters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.application.port.RewardClaim;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.testkit.InMemoryRewards;
import dev.ecoscan.testkit.ManualClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A claimed reward is judged here with the scan's own policy, and only a decided grant reaches the matcher. */
class GrantRewardServiceTest {

    private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.embedded();
    private static final UserId USER = new UserId("claimant");
    private static final CategoryLabels BOTTLE = CategoryLabels.of("재활용폐기물", "무색페트병", "먹는샘물 페트병");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final InMemoryRewards rewards = new InMemoryRewards(KNOWLEDGE.characters());
    private final GrantRewardService service = new GrantRewardService(KNOWLEDGE.taxonomy(), rewards, clock);

    @Test
    void a_clean_claim_is_granted_once_then_already_owned_with_the_grant_deadline_from_the_clock() {
        assertThat(service.grant(new RewardClaim(USER, BOTTLE, true, false))).isInstanceOf(RewardOutcome.Granted.class);
        assertThat(service.grant(new RewardClaim(USER, BOTTLE, true, false)))
                .isInstanceOf(RewardOutcome.AlreadyOwned.class);
        assertThat(rewards.grants())
                .hasSize(2)
                .allSatisfy(grant -> assertThat(grant.deadline())
                        .isEqualTo(clock.instant().plus(GrantRewardService.GRANT_DEADLINE)));
    }

    @Test
    void a_claim_without_a_rule_or_with_a_blocking_tag_never_reaches_the_matcher() {
        assertThat(service.grant(new RewardClaim(USER, BOTTLE, false, false)))
                .isInstanceOf(RewardOutcome.NotEligible.class);
        assertThat(service.grant(new RewardClaim(USER, BOTTLE, true, true)))
                .isInstanceOf(RewardOutcome.NotEligible.class);
        assertThat(rewards.calls()).isZero();
    }

    @Test
    void general_waste_is_not_eligible_whatever_the_caller_reports() {
        CategoryLabels general = CategoryLabels.of("일반종량제폐기물", null, "휴지");
        assertThat(service.grant(new RewardClaim(USER, general, true, false)))
                .isInstanceOf(RewardOutcome.NotEligible.class);
        assertThat(rewards.calls()).isZero();
    }

    @Test
    void a_classification_outside_the_taxonomy_is_refused_as_bad_input() {
        CategoryLabels unknown = CategoryLabels.of("우주쓰레기", null, "위성");
        assertThatThrownBy(() -> service.grant(new RewardClaim(USER, unknown, true, false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the taxonomy");
    }

    @Test
    void trouble_in_the_collection_comes_back_as_unavailable() {
        GrantRewardService down = new GrantRewardService(
                KNOWLEDGE.taxonomy(), InMemoryRewards.unavailable(KNOWLEDGE.characters(), "database down"), clock);
        assertThat(down.grant(new RewardClaim(USER, BOTTLE, true, false)))
                .isInstanceOf(RewardOutcome.Unavailable.class);
    }
}
