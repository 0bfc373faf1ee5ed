package dev.ecoscan.domain.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.rule.ItemRule;
import dev.ecoscan.domain.rule.RuleKey;
import dev.ecoscan.domain.rule.RuleOverride;
import dev.ecoscan.domain.rule.Source;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.ItemVariant;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.Names;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RewardPolicyTest {

    private static final SituationTag CAP_ON =
            new SituationTag("other-material-cap", "다른재질_뚜껑_부착", "attachments", Optional.of("뚜껑을 떼어 따로 내세요."));
    private static final SituationTag CONTENTS_LEFT =
            new SituationTag("contents-remaining", "내용물_남음", "contents", Optional.of("내용물을 비우세요."));
    private static final SituationTag WET = new SituationTag("wet", "물에_젖음", "contents", Optional.of("말리세요."));
    private static final SituationTag RINSED = new SituationTag("rinsed", "세척됨", "contents", Optional.empty());
    private static final SituationTag SAUCE =
            new SituationTag("sauce-stain", "양념_착색", "contents", Optional.of("씻어도 남으면 종량제봉투에 버리세요."));
    private static final SituationTag PAPER_BOWL =
            new SituationTag("paper-bowl", "종이_용기", "material", Optional.of("종이 용기는 종이류로 내세요."));
    private static final SituationTag FOAM_BOWL =
            new SituationTag("foam-bowl", "스티로폼_용기", "material", Optional.empty());
    private static final Item CUP_NOODLE = new Item(
            NodeId.of("recyclable.styrofoam.cup-noodle"),
            Names.korean("컵라면 용기"),
            List.of(
                    new ItemVariant("paper-bowl", Names.korean("종이 컵라면 용기")),
                    new ItemVariant("foam-bowl", Names.korean("스티로폼 컵라면 용기"))));
    private static final Taxonomy TAXONOMY = new Taxonomy(
            List.of(
                    MajorCategory.withMiddles(
                            NodeId.of("recyclable"),
                            Names.korean("재활용폐기물"),
                            true,
                            List.of(
                                    new MiddleCategory(
                                            NodeId.of("recyclable.glass"),
                                            Names.korean("유리병"),
                                            List.of(new Item(NodeId.of("recyclable.glass.soju"), Names.korean("소주병")))),
                                    new MiddleCategory(
                                            NodeId.of("recyclable.styrofoam"),
                                            Names.korean("발포합성수지"),
                                            List.of(
                                                    CUP_NOODLE,
                                                    new Item(
                                                            NodeId.of("recyclable.styrofoam.box"),
                                                            Names.korean("스티로폼 상자")))))),
                    MajorCategory.withItems(
                            NodeId.of("food"),
                            Names.korean("음식물류폐기물"),
                            false,
                            List.of(new Item(NodeId.of("food.peel"), Names.korean("과일 껍질"))))),
            List.of(CAP_ON, CONTENTS_LEFT, WET, RINSED, SAUCE, PAPER_BOWL, FOAM_BOWL));
    private static final List<Source> MOE = List.of(Source.of("환경부", "https://www.me.go.kr/"));
    /**
     * Styrofoam: contents left block the reward; a paper cup-noodle bowl never earns the styrofoam
     * character, and a foam one is also held back by sauce stains, which the rule itself does not list.
     */
    private static final DisposalRule STYROFOAM_RULE = styrofoamRule();
    /** Glass: a cap of another material or contents left block the reward; being wet does not. */
    private static final DisposalRule GLASS_RULE = new DisposalRule(
            new RuleKey("재활용폐기물_유리병"),
            NodeId.of("recyclable.glass"),
            "유리병 수거함",
            "비우고 헹궈 내요.",
            List.of("소주병"),
            List.of("비우고 헹궈요."),
            Map.of(),
            List.of(),
            Optional.empty(),
            List.of(Source.of("환경부", "https://www.me.go.kr/")),
            List.of("other-material-cap", "contents-remaining"));

    private static DisposalRule styrofoamRule() {
        Map<String, RuleOverride> variants = new LinkedHashMap<>();
        variants.put("paper-bowl", blockedBy("paper-bowl", "contents-remaining"));
        variants.put("foam-bowl", blockedBy("sauce-stain", "contents-remaining"));
        return new DisposalRule(
                new RuleKey("재활용폐기물_발포합성수지"),
                NodeId.of("recyclable.styrofoam"),
                "스티로폼 수거 장소",
                "깨끗한 것만 내요.",
                List.of("스티로폼"),
                List.of("비우고 씻어요."),
                Map.of(CUP_NOODLE.id(), new ItemRule(Optional.empty(), variants)),
                List.of(),
                Optional.empty(),
                MOE,
                List.of("contents-remaining"));
    }

    private static RuleOverride blockedBy(String... tags) {
        return new RuleOverride(
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                MOE,
                Optional.of(List.of(tags)));
    }

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
                .isInstanceOfSatisfying(
                        RewardDecision.NotEligible.class,
                        notEligible -> assertThat(notEligible.reason()).contains("not a recyclable"));
    }

    @Test
    void a_recyclable_without_a_rule_does_not_qualify() {
        assertThat(RewardPolicy.decide(classify("재활용폐기물", "유리병", "소주병"), Optional.empty()))
                .isInstanceOfSatisfying(
                        RewardDecision.NotEligible.class,
                        notEligible -> assertThat(notEligible.reason()).contains("no disposal rule"));
    }

    @Test
    void a_blocking_situation_tag_keeps_the_reward_back_and_is_named_in_the_reason() {
        Classification withCap = classify("재활용폐기물", "유리병", "소주병", "세척됨", "다른재질_뚜껑_부착", "내용물_남음");

        assertThat(RewardPolicy.decide(withCap, Optional.of(GLASS_RULE)))
                .isInstanceOfSatisfying(
                        RewardDecision.NotEligible.class,
                        notEligible -> assertThat(notEligible.reason())
                                .contains("not ready")
                                .contains("다른재질_뚜껑_부착, 내용물_남음"));
        assertThat(RewardPolicy.blockingTags(withCap, GLASS_RULE)).containsExactly(CAP_ON, CONTENTS_LEFT);
    }

    @Test
    void a_tag_needing_action_that_the_rule_does_not_list_does_not_block() {
        assertThat(RewardPolicy.decide(classify("재활용폐기물", "유리병", "소주병", "물에_젖음"), Optional.of(GLASS_RULE)))
                .isInstanceOf(RewardDecision.Eligible.class);
    }

    @Test
    void a_paper_cup_noodle_bowl_never_earns_the_styrofoam_character_and_is_told_why() {
        Classification paper = classify("재활용폐기물", "발포합성수지", "컵라면 용기", "세척됨", "종이_용기");

        assertThat(RewardPolicy.decide(paper, Optional.of(STYROFOAM_RULE)))
                .isInstanceOfSatisfying(
                        RewardDecision.NotEligible.class,
                        notEligible -> assertThat(notEligible.reason()).contains("종이_용기"));
        assertThat(RewardPolicy.blockingTags(paper, STYROFOAM_RULE)).containsExactly(PAPER_BOWL);
    }

    @Test
    void a_foam_cup_noodle_bowl_is_held_back_by_a_stain_its_variant_lists_though_the_rule_does_not() {
        Classification stained = classify("재활용폐기물", "발포합성수지", "컵라면 용기", "스티로폼_용기", "양념_착색");
        Classification clean = classify("재활용폐기물", "발포합성수지", "컵라면 용기", "스티로폼_용기", "세척됨");

        assertThat(RewardPolicy.blockingTags(stained, STYROFOAM_RULE)).containsExactly(SAUCE);
        assertThat(RewardPolicy.decide(clean, Optional.of(STYROFOAM_RULE)))
                .isEqualTo(new RewardDecision.Eligible(clean));
    }

    @Test
    void an_item_without_its_own_list_is_judged_by_the_rules() {
        Classification box = classify("재활용폐기물", "발포합성수지", "스티로폼 상자", "양념_착색", "종이_용기");

        assertThat(RewardPolicy.decide(box, Optional.of(STYROFOAM_RULE))).isEqualTo(new RewardDecision.Eligible(box));
        assertThat(RewardPolicy.blockingTags(classify("재활용폐기물", "발포합성수지", "스티로폼 상자", "내용물_남음"), STYROFOAM_RULE))
                .containsExactly(CONTENTS_LEFT);
    }

    @Test
    void reported_facts_are_judged_by_the_same_policy() {
        Classification soju = classify("재활용폐기물", "유리병", "소주병");

        assertThat(RewardPolicy.decideReported(soju, true, false)).isEqualTo(new RewardDecision.Eligible(soju));
        assertThat(RewardPolicy.decideReported(soju, false, false))
                .isInstanceOfSatisfying(
                        RewardDecision.NotEligible.class,
                        n -> assertThat(n.reason()).contains("no disposal rule"));
        assertThat(RewardPolicy.decideReported(soju, true, true))
                .isInstanceOfSatisfying(
                        RewardDecision.NotEligible.class,
                        n -> assertThat(n.reason()).contains("not ready"));
        assertThat(RewardPolicy.decideReported(classify("음식물류폐기물", null, "과일 껍질"), true, false))
                .isInstanceOf(RewardDecision.NotEligible.class);
    }

    @Test
    void only_a_recyclable_with_a_middle_category_can_be_eligible() {
        assertThatThrownBy(() -> new RewardDecision.Eligible(classify("음식물류폐기물", null, "과일 껍질")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("과일 껍질");
        assertThat(new RewardDecision.Eligible(classify("재활용폐기물", "유리병", "소주병"))
                        .middle()
                        .name())
                .isEqualTo("유리병");
    }
}
