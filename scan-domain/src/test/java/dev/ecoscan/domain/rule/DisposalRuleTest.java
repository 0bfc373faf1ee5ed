package dev.ecoscan.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.ItemVariant;
import dev.ecoscan.domain.taxonomy.Names;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.SituationTag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisposalRuleTest {

    private static final SituationTag LABEL_ON =
            new SituationTag("vinyl-label-attached", "비닐_라벨_부착", "attachments", Optional.of("라벨을 떼세요."));
    private static final SituationTag CAP_ON = new SituationTag("cap-on", "뚜껑_닫힘", "attachments", Optional.empty());
    private static final SituationTag WATER = new SituationTag("water-filled", "물_충전재", "material", Optional.empty());
    private static final SituationTag WET = new SituationTag("wet", "물에_젖음", "contents", Optional.of("말리세요."));
    private static final List<Source> MOE = List.of(Source.of("환경부 분리배출 가이드라인", "https://www.me.go.kr/"));
    private static final List<Source> FIRE = List.of(Source.of("소방청 생활안전", "https://www.nfa.go.kr/"));

    private static final Item CAN = new Item(NodeId.of("recyclable.metal.can"), Names.korean("철캔", "steel can"));
    private static final Item BUTANE = new Item(NodeId.of("recyclable.metal.butane"), Names.korean("부탄가스", "butane"));
    private static final Item ICE_PACK = new Item(
            NodeId.of("general.ice-pack"),
            Names.korean("아이스팩", "ice pack"),
            List.of(
                    new ItemVariant("water-filled", Names.korean("물 아이스팩")),
                    new ItemVariant("gel-filled", Names.korean("젤 아이스팩"))));

    private static DisposalRule clearPet(List<String> blockedBy) {
        return rule(NodeId.of("recyclable.clear-pet"), List.of("라벨을 떼요."), Map.of(), blockedBy);
    }

    private static DisposalRule rule(
            NodeId node, List<String> common, Map<NodeId, ItemRule> items, List<String> blockedBy) {
        return new DisposalRule(
                new RuleKey("재활용폐기물_금속류"),
                node,
                "캔류 수거함",
                "비우고 내요.",
                List.of("캔"),
                common,
                items,
                List.of(),
                Optional.empty(),
                MOE,
                blockedBy);
    }

    private static RuleOverride before(String... steps) {
        return new RuleOverride(
                Optional.empty(),
                Optional.empty(),
                List.of(steps),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                FIRE);
    }

    private static RuleOverride blocking(List<String> tags) {
        return new RuleOverride(
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                MOE,
                Optional.of(tags));
    }

    private static RuleOverride instead(String destination, String... steps) {
        return new RuleOverride(
                Optional.of(destination),
                Optional.of(destination + "에 내요."),
                List.of(),
                Optional.of(List.of(steps)),
                List.of(),
                Optional.of("수거함이 없는 곳도 있어요."),
                MOE);
    }

    @Test
    void a_rule_blocks_the_reward_on_the_tags_it_lists_only() {
        DisposalRule rule = clearPet(List.of("vinyl-label-attached"));

        assertThat(rule.blocksReward(LABEL_ON)).isTrue();
        assertThat(rule.blocksReward(CAP_ON)).isFalse();
    }

    @Test
    void blocking_tags_are_ids_listed_once() {
        assertThatThrownBy(() -> clearPet(List.of("비닐_라벨_부착"))).hasMessageContaining("situation tag id");
        assertThatThrownBy(() -> clearPet(List.of("wet", "wet"))).hasMessageContaining("'wet' twice");
    }

    @Test
    void an_item_without_an_override_gets_the_shared_steps_and_the_rules_destination() {
        Advice advice = rule(NodeId.of("recyclable.metal"), List.of("헹궈요.", "눌러요."), Map.of(), List.of())
                .adviceFor(CAN);

        assertThat(advice.steps()).containsExactly("헹궈요.", "눌러요.");
        assertThat(advice.destination()).isEqualTo("캔류 수거함");
        assertThat(advice.sources()).isEqualTo(MOE);
    }

    @Test
    void an_items_steps_before_the_shared_ones_come_first_and_its_sources_are_cited_first() {
        DisposalRule metal = rule(
                NodeId.of("recyclable.metal"),
                List.of("헹궈요."),
                Map.of(BUTANE.id(), ItemRule.of(before("구멍을 뚫지 말고 바깥에서 노즐을 눌러 가스를 빼요."))),
                List.of());

        Advice advice = metal.adviceFor(BUTANE);

        assertThat(advice.steps()).containsExactly("구멍을 뚫지 말고 바깥에서 노즐을 눌러 가스를 빼요.", "헹궈요.");
        assertThat(advice.sources()).containsExactly(FIRE.get(0), MOE.get(0));
        assertThat(metal.stepsFor(BUTANE)).isEqualTo(advice.steps());
    }

    @Test
    void an_item_can_replace_the_shared_steps_and_change_where_it_goes() {
        DisposalRule battery = rule(
                NodeId.of("recyclable.battery"),
                List.of("수거함에 넣어요."),
                Map.of(CAN.id(), ItemRule.of(instead("정비소", "정비소에 돌려줘요."))),
                List.of());

        Advice advice = battery.adviceFor(CAN);

        assertThat(advice.steps()).containsExactly("정비소에 돌려줘요.").doesNotContain("수거함에 넣어요.");
        assertThat(advice.destination()).isEqualTo("정비소");
        assertThat(advice.summary()).isEqualTo("정비소에 내요.");
        assertThat(advice.regionalNotice()).contains("지자체마다 다를 수 있어요: 수거함이 없는 곳도 있어요.");
    }

    @Test
    void the_situation_picks_the_variant_whose_steps_replace_the_items_and_without_it_the_item_gets_its_own() {
        Map<String, RuleOverride> variants = new LinkedHashMap<>();
        variants.put("water-filled", instead("비닐류", "물을 버리고 비닐은 비닐류로 내요."));
        variants.put("gel-filled", instead("종량제봉투", "수거함이 없으면 종량제봉투에 넣어요."));
        DisposalRule general = rule(
                NodeId.of("general"),
                List.of("봉투에 담아요."),
                Map.of(ICE_PACK.id(), new ItemRule(Optional.of(before("물인지 젤인지 확인해요.")), variants)),
                List.of());

        assertThat(general.stepsFor(ICE_PACK, List.of(WATER))).containsExactly("물을 버리고 비닐은 비닐류로 내요.");
        assertThat(general.adviceFor(ICE_PACK, List.of(WATER)).variant()).contains("water-filled");
        assertThat(general.adviceForVariant(ICE_PACK, "gel-filled").destination())
                .isEqualTo("종량제봉투");
        assertThat(general.stepsFor(ICE_PACK)).containsExactly("물인지 젤인지 확인해요.", "봉투에 담아요.");
        assertThatThrownBy(() -> general.adviceForVariant(ICE_PACK, "frozen")).hasMessageContaining("no variant");
    }

    @Test
    void an_items_own_blocking_tags_replace_the_rules_for_that_item_and_leave_the_others_alone() {
        DisposalRule metal = rule(
                NodeId.of("recyclable.metal"),
                List.of("헹궈요."),
                Map.of(BUTANE.id(), ItemRule.of(blocking(List.of("wet")))),
                List.of("vinyl-label-attached"));

        assertThat(metal.rewardBlockedBy(BUTANE, List.of())).containsExactly("wet");
        assertThat(metal.rewardBlockedBy(CAN, List.of(WET))).containsExactly("vinyl-label-attached");
        assertThat(metal.rewardBlockedBy()).containsExactly("vinyl-label-attached");
    }

    @Test
    void the_variant_the_situation_picks_brings_its_own_blocking_tags_and_without_one_the_items_apply() {
        Map<String, RuleOverride> variants = new LinkedHashMap<>();
        variants.put("water-filled", blocking(List.of("water-filled", "wet")));
        variants.put("gel-filled", instead("종량제봉투", "종량제봉투에 넣어요."));
        DisposalRule rule = rule(
                NodeId.of("recyclable.vinyl"),
                List.of("모아요."),
                Map.of(ICE_PACK.id(), new ItemRule(Optional.of(blocking(List.of())), variants)),
                List.of("wet"));

        assertThat(rule.rewardBlockedBy(ICE_PACK, List.of(WATER))).containsExactly("water-filled", "wet");
        assertThat(rule.rewardBlockedBy(ICE_PACK, List.of(WET))).isEmpty();
        assertThat(rule.adviceForVariant(ICE_PACK, "gel-filled").destination()).isEqualTo("종량제봉투");
    }

    @Test
    void an_override_that_only_changes_the_blocking_tags_is_a_change_and_lists_each_tag_once() {
        assertThat(blocking(List.of("wet")).rewardBlockedBy()).contains(List.of("wet"));
        assertThat(before("먼저 비워요.").rewardBlockedBy()).isEmpty();
        assertThatThrownBy(() -> blocking(List.of("wet", "wet"))).hasMessageContaining("'wet' twice");
        assertThatThrownBy(() -> blocking(List.of("물에_젖음"))).hasMessageContaining("situation tag id");
    }

    @Test
    void a_rule_or_an_override_without_a_source_cannot_be_made() {
        assertThatThrownBy(() -> new DisposalRule(
                        new RuleKey("음식물류폐기물"),
                        NodeId.of("food"),
                        "전용 용기",
                        "물기를 빼요.",
                        List.of("껍질"),
                        List.of("물기를 빼요."),
                        Map.of(),
                        List.of(),
                        Optional.empty(),
                        List.of(),
                        List.of()))
                .hasMessageContaining("source");
        assertThatThrownBy(() -> RuleOverride.after(List.of("묶어요."), List.of())).hasMessageContaining("source");
    }

    @Test
    void a_source_needs_a_web_address() {
        assertThatThrownBy(() -> Source.of("환경부", "me.go.kr")).hasMessageContaining("http(s)");
        assertThat(Source.of("환경부", "https://www.me.go.kr/").url().getHost()).isEqualTo("www.me.go.kr");
    }
}
