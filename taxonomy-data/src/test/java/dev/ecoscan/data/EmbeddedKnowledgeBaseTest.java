package dev.ecoscan.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.RewardPolicy;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.rule.Source;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.domain.taxonomy.TaxonomyNode;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped data covers at least what the reference system had, without its defects. */
class EmbeddedKnowledgeBaseTest {

    private final KnowledgeBase knowledge = KnowledgeBase.embedded();
    private final Taxonomy taxonomy = knowledge.taxonomy();

    @Test
    void the_seven_majors_include_hazardous_household_waste() {
        assertThat(taxonomy.majors())
                .extracting(MajorCategory::name)
                .containsExactlyInAnyOrder(
                        "재활용폐기물", "일반종량제폐기물", "불연성종량제폐기물", "음식물류폐기물", "공사장생활폐기물", "대형폐기물", "생활계유해폐기물");
    }

    @Test
    void recyclables_have_the_twelve_reference_middles() {
        assertThat(taxonomy.recyclableMiddles().map(MiddleCategory::name))
                .containsExactlyInAnyOrder(
                        "종이", "종이팩", "무색페트병", "플라스틱류", "비닐류", "발포합성수지", "유리병", "금속류", "의류및원단", "전지", "조명제품", "전기전자제품");
    }

    @Test
    void there_are_at_least_180_items_and_80_situation_tags_in_11_groups() {
        assertThat(taxonomy.itemCount()).isGreaterThanOrEqualTo(180);
        assertThat(taxonomy.situationTags()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(taxonomy.situationTags().stream().map(SituationTag::group).distinct())
                .hasSize(11);
    }

    @Test
    void at_least_550_items_each_with_two_aliases_that_are_not_part_of_its_name_and_advice_with_sources() {
        assertThat(taxonomy.itemCount()).isGreaterThanOrEqualTo(550);
        assertThat(taxonomy.itemPaths()).allSatisfy(path -> {
            var item = path.item().orElseThrow();
            String name = Texts.comparable(item.name());
            assertThat(item.names().aliases())
                    .as(item.id().value())
                    .filteredOn(alias -> !name.contains(Texts.comparable(alias)))
                    .hasSizeGreaterThanOrEqualTo(2);
            DisposalRule rule = knowledge.rules().forNode(path.ruleNode().id()).orElseThrow();
            assertThat(rule.adviceFor(item).sources()).as(item.id().value()).isNotEmpty();
        });
    }

    @Test
    void every_item_has_aliases_including_an_english_one() {
        assertThat(taxonomy.items()).allSatisfy(item -> {
            assertThat(item.names().aliases()).as(item.id().value()).isNotEmpty();
            assertThat(item.names().spellings())
                    .as(item.id().value())
                    .anyMatch(spelling -> spelling.chars().allMatch(c -> c < 128));
        });
    }

    @Test
    void every_rule_node_has_a_rule_and_every_rule_has_steps() {
        assertThat(taxonomy.ruleNodes().map(TaxonomyNode::id))
                .allSatisfy(node -> assertThat(knowledge.rules().forNode(node))
                        .as(node.value())
                        .isPresent());
        assertThat(knowledge.rules().size()).isEqualTo(18);
    }

    @Test
    void every_recyclable_rule_blocks_its_reward_on_contents_left_or_a_mix_and_only_on_tags_with_advice() {
        assertThat(taxonomy.recyclableMiddles()
                        .map(m -> knowledge.rules().forNode(m.id()).orElseThrow()))
                .allSatisfy(rule -> {
                    assertThat(rule.rewardBlockedBy()).as(rule.node().value()).contains("mixed-waste");
                    assertThat(rule.rewardBlockedBy())
                            .as(rule.node().value())
                            .allSatisfy(id -> assertThat(
                                            taxonomy.tag(id).orElseThrow().needsAction())
                                    .isTrue());
                });
        assertThat(knowledge.rules().all())
                .filteredOn(rule -> !rule.node().value().startsWith("recyclable."))
                .allSatisfy(rule -> assertThat(rule.rewardBlockedBy())
                        .as(rule.node().value())
                        .isEmpty());
    }

    @Test
    void a_label_still_on_blocks_a_clear_pet_bottle_but_a_closed_cap_does_not() {
        var clearPet = knowledge.rules().all().stream()
                .filter(r -> r.node().value().equals("recyclable.clear-pet"))
                .findFirst()
                .orElseThrow();

        assertThat(clearPet.blocksReward(taxonomy.tag("비닐_라벨_부착").orElseThrow()))
                .isTrue();
        assertThat(clearPet.blocksReward(taxonomy.tag("뚜껑_닫힘").orElseThrow())).isFalse();
        assertThat(clearPet.blocksReward(taxonomy.tag("내용물_남음").orElseThrow())).isTrue();
    }

    @Test
    void every_rule_override_and_variant_cites_two_pages_one_of_them_a_deep_page_not_a_front_page() {
        assertThat(knowledge.rules().all()).allSatisfy(rule -> {
            assertCitesADeepPage(rule.node().value(), rule.sources());
            rule.items().forEach((item, itemRule) -> {
                itemRule.override().ifPresent(own -> assertCitesADeepPage(item.value(), own.sources()));
                itemRule.variants()
                        .forEach((tag, variant) ->
                                assertCitesADeepPage(item.value() + " (" + tag + ")", variant.sources()));
            });
        });
    }

    private static void assertCitesADeepPage(String what, List<Source> sources) {
        assertThat(sources).as(what).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sources).as(what + " cites only front pages").anySatisfy(source -> {
            String path = source.url().getPath() == null ? "" : source.url().getPath();
            assertThat(path.length() > 1 || source.url().getQuery() != null).isTrue();
        });
    }

    @Test
    void no_aerosol_or_butane_can_is_ever_told_to_be_punctured_and_the_gas_comes_out_first() {
        DisposalRule metal =
                knowledge.rules().forNode(NodeId.of("recyclable.metal")).orElseThrow();
        assertThat(Stream.of("butane", "insecticide", "spray")).allSatisfy(name -> {
            List<String> steps = metal.stepsFor(taxonomy.items()
                    .filter(item -> item.id().value().equals("recyclable.metal." + name))
                    .findFirst()
                    .orElseThrow());
            assertThat(steps.getFirst()).contains("노즐").contains("구멍을 뚫지 마세요");
            assertThat(steps).noneMatch(step -> step.contains("구멍을 뚫어") || step.contains("구멍을 내"));
        });
    }

    @Test
    void a_paper_cup_noodle_bowl_never_earns_the_styrofoam_character_nor_a_stained_foam_one() {
        DisposalRule styrofoam =
                knowledge.rules().forNode(NodeId.of("recyclable.styrofoam")).orElseThrow();

        assertThat(RewardPolicy.blockingTags(classify("발포합성수지", "컵라면 용기", "종이_용기", "세척됨"), styrofoam))
                .extracting(SituationTag::id)
                .containsExactly("paper-bowl");
        assertThat(RewardPolicy.blockingTags(classify("발포합성수지", "컵라면 용기", "스티로폼_용기", "양념_착색"), styrofoam))
                .extracting(SituationTag::id)
                .containsExactly("sauce-stain");
        assertThat(RewardPolicy.blockingTags(classify("발포합성수지", "컵라면 용기", "스티로폼_용기", "세척됨"), styrofoam))
                .isEmpty();
    }

    @Test
    void a_paper_cup_is_not_held_back_for_the_coating_it_is_made_with_but_a_coated_flyer_is() {
        DisposalRule paper =
                knowledge.rules().forNode(NodeId.of("recyclable.paper")).orElseThrow();

        assertThat(RewardPolicy.blockingTags(classify("종이", "종이컵", "코팅된_종이"), paper))
                .isEmpty();
        assertThat(RewardPolicy.blockingTags(classify("종이", "코팅 안 된 전단지", "코팅된_종이"), paper))
                .extracting(SituationTag::id)
                .containsExactly("coated-paper");
    }

    @Test
    void a_swollen_lithium_battery_always_gets_its_warning_shown() {
        DisposalRule battery =
                knowledge.rules().forNode(NodeId.of("recyclable.battery")).orElseThrow();

        assertThat(RewardPolicy.blockingTags(classify("전지", "보조배터리", "배터리_부풂"), battery))
                .extracting(SituationTag::id)
                .containsExactly("battery-swollen");
    }

    private Classification classify(String middle, String item, String... tags) {
        return ((Resolution.Resolved) taxonomy.resolve(CategoryLabels.of("재활용폐기물", middle, item, tags)))
                .classification();
    }

    @Test
    void thirteen_characters_one_default_and_one_per_recyclable_middle() {
        assertThat(knowledge.characters().all()).hasSize(13);
        assertThat(knowledge.characters().all().stream().filter(Character::isDefault))
                .hasSize(1);
        assertThat(taxonomy.recyclableMiddles().map(m -> knowledge.characters().ownedBy(m.id())))
                .allSatisfy(character -> assertThat(character).isPresent());
    }

    @Test
    void a_search_for_milk_finds_the_milk_carton() {
        assertThat(taxonomy.search("우유").stream().map(CategoryPath::display).collect(Collectors.toList()))
                .contains("재활용폐기물 > 종이팩 > 우유팩");
    }

    @Test
    void rule_keys_follow_the_reference_format() {
        CategoryPath pet = taxonomy.itemPaths()
                .filter(p -> p.middle()
                        .map(MiddleCategory::name)
                        .filter("무색페트병"::equals)
                        .isPresent())
                .findFirst()
                .orElseThrow();
        assertThat(knowledge
                        .rules()
                        .forNode(pet.ruleNode().id())
                        .orElseThrow()
                        .key()
                        .value())
                .isEqualTo("재활용폐기물_무색페트병");
        MajorCategory food = taxonomy.majors().stream()
                .filter(m -> m.name().equals("음식물류폐기물"))
                .findFirst()
                .orElseThrow();
        assertThat(knowledge.rules().forNode(food.id()).orElseThrow().key().value())
                .isEqualTo("음식물류폐기물");
    }
}
