package dev.ecoscan.domain.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.rule.Source;
import dev.ecoscan.domain.rule.RuleKey;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.Names;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RewardPolicyTest {

    private static final SituationTag CAP_ON = new SituationTag("other-material-cap", "다른재질_뚜껑_부착",
            "attachments", Optional.of("뚜껑을 떼어 따로 내세요."));
    private static final SituationTag CONTENTS_LEFT = new SituationTag("contents-remaining", "내용물_남음", "contents",
            Optional.of("내용물을 비우세요."));
    private static final SituationTag WET = new SituationTag("wet", "물에_젖음", "contents", Optional.of("말리세요."));
    private static final SituationTag RINSED = new SituationTag("rinsed", "세척됨", "contents", Optional.empty());
    private static final Taxonomy TAXONOMY = new Taxonomy(List.of(
            MajorCategory.withMiddles(NodeId.of("recyclable"), Names.korean("재활용폐기물"), true, List.of(
                    new MiddleCategory(NodeId.of("recyclable.glass"), Names.korean("유리병"),
                            List.of(new Item(NodeId.of("recyclable.glass.soju"), Names.korean("소주병")))))),
            MajorCategory.withItems(NodeId.of("food"), Names.korean("음식물류폐기물"), false,
                    List.of(new Item(NodeId.of("food.peel"), Names.korean("과일 껍질"))))),
            List.of(CAP_ON, CONTENTS_LEFT, WET, RINSED));
    /** Glass: a cap of another material or contents left block the reward; being wet does not. */
    private static final DisposalRule GLASS_RULE = new DisposalRule(new RuleKey("재활용폐기물_유리병"),
            NodeId.of("recyclable.glass"), "유리병 수거함", "비우고 헹궈 내요.", List.of("소주병"), List.of("비우고 헹궈요."),
            Map.of(), List.of(), Optional.empty(), List.of(Source.of("환경부", "https://www.me.go.kr/")),
            List.of("other-material-cap", "contents-remaining"));

    private static Classification classify(String major, String middle, String item, String... tags) {
        return ((Resolution.Resolved) TAXONOMY.resolve(CategoryLabels.of(major, middle, item, tags))).classification();
    }

    @Test
    void a_recyclable_with_its_rule_and_no_blocking_tag_qualifies() {
        Classification soju = classify("재활용폐기물", "유리병", "소주병", "세척됨", "물에_젖음");

        assertThat(RewardPolicy.decide(soju, Optional.of(GLASS_RULE))).isEqualTo(new RewardDecision.Eligible(soju));
    }

    @Test
    void a_non_recyclable_does_not_qualify() {
        assertThat(RewardPolicy.decide(classify("음식물류폐기물", null, "과일 껍질"), Optional.of(GLASS_RULE)))
                .isInstanceOfSatisfying(RewardDecision.NotEligible.class,
                        notEligible -> assertThat(notEligible.reason()).contains("not a recyclable"));
    }

    @Test
    void a_recyclable_without_a_rule_does_not_qualify() {
        assertThat(RewardPolicy.decide(classify("재활용폐기물", "유리병", "소주병"), Optional.empty()))
                .isInstanceOfSatisfying(RewardDecision.NotEligible.class,
                        notEligible -> assertThat(notEligible.reason()).contains("no disposal rule"));
    }

    @Test
    void a_blocking_situation_tag_keeps_the_reward_back_and_is_named_in_the_reason() {
        Classification withCap = classify("재활용폐기물", "유리병", "소주병", "세척됨", "다른재질_뚜껑_부착", "내용물_남음");

        assertThat(RewardPolicy.decide(withCap, Optional.of(GLASS_RULE)))
                .isInstanceOfSatisfying(RewardDecision.NotEligible.class, notEligible -> assertThat(notEligible.reason())
                        .contains("not ready").contains("다른재질_뚜껑_부착, 내용물_남음"));
        assertThat(RewardPolicy.blockingTags(withCap, GLASS_RULE)).containsExactly(CAP_ON, CONTENTS_LEFT);
    }

    @Test
    void a_tag_needing_action_that_the_rule_does_not_list_does_not_block() {
        assertThat(RewardPolicy.decide(classify("재활용폐기물", "유리병", "소주병", "물에_젖음"), Optional.of(GLASS_RULE)))
                .isInstanceOf(RewardDecision.Eligible.class);
    }

    @Test
    void reported_facts_are_judged_by_the_same_policy() {
        Classification soju = classify("재활용폐기물", "유리병", "소주병");

        assertThat(RewardPolicy.decideReported(soju, true, false)).isEqualTo(new RewardDecision.Eligible(soju));
        assertThat(RewardPolicy.decideReported(soju, false, false)).isInstanceOfSatisfying(
                RewardDecision.NotEligible.class, n -> assertThat(n.reason()).contains("no disposal rule"));
        assertThat(RewardPolicy.decideReported(soju, true, true)).isInstanceOfSatisfying(
                RewardDecision.NotEligible.class, n -> assertThat(n.reason()).contains("not ready"));
        assertThat(RewardPolicy.decideReported(classify("음식물류폐기물", null, "과일 껍질"), true, false))
                .isInstanceOf(RewardDecision.NotEligible.class);
    }

    @Test
    void only_a_recyclable_with_a_middle_category_can_be_eligible() {
        assertThatThrownBy(() -> new RewardDecision.Eligible(classify("음식물류폐기물", null, "과일 껍질")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("과일 껍질");
        assertThat(new RewardDecision.Eligible(classify("재활용폐기물", "유리병", "소주병")).middle().name())
                .isEqualTo("유리병");
    }
}
