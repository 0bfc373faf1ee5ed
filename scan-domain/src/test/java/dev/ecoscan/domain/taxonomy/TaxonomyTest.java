package dev.ecoscan.domain.taxonomy;

import static dev.ecoscan.domain.taxonomy.TaxonomyFixtures.EMPTY;
import static dev.ecoscan.domain.taxonomy.TaxonomyFixtures.FOOD;
import static dev.ecoscan.domain.taxonomy.TaxonomyFixtures.LABEL_ON;
import static dev.ecoscan.domain.taxonomy.TaxonomyFixtures.MILK;
import static dev.ecoscan.domain.taxonomy.TaxonomyFixtures.PAPER;
import static dev.ecoscan.domain.taxonomy.TaxonomyFixtures.PAPER_PACK;
import static dev.ecoscan.domain.taxonomy.TaxonomyFixtures.PEEL;
import static dev.ecoscan.domain.taxonomy.TaxonomyFixtures.RECYCLABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    private final Taxonomy taxonomy = TaxonomyFixtures.taxonomy();

    @Test
    void labels_given_as_korean_names_resolve_to_the_item_and_its_tags() {
        Resolution resolution = taxonomy.resolve(CategoryLabels.of("재활용폐기물", "종이팩", "우유팩", "비닐_라벨_부착"));

        assertThat(resolution).isInstanceOfSatisfying(Resolution.Resolved.class, resolved -> {
            assertThat(resolved.classification().path())
                    .isEqualTo(new CategoryPath(RECYCLABLE, Optional.of(PAPER_PACK), MILK));
            assertThat(resolved.classification().situation()).containsExactly(LABEL_ON);
        });
    }

    @Test
    void labels_given_as_ids_resolve_the_same_way() {
        Resolution resolution = taxonomy.resolve(
                CategoryLabels.of("recyclable", "recyclable.paper-pack", "recyclable.paper-pack.milk", "empty"));

        assertThat(resolution)
                .isInstanceOfSatisfying(
                        Resolution.Resolved.class,
                        resolved -> assertThat(resolved.classification().situation())
                                .containsExactly(EMPTY));
    }

    @Test
    void a_major_without_middles_resolves_without_a_middle_label() {
        Resolution resolution = taxonomy.resolve(CategoryLabels.of("음식물류폐기물", null, "과일 껍질"));

        assertThat(resolution)
                .isInstanceOfSatisfying(
                        Resolution.Resolved.class,
                        resolved -> assertThat(resolved.classification().path())
                                .isEqualTo(new CategoryPath(FOOD, Optional.empty(), PEEL)));
    }

    @Test
    void an_unknown_major_is_out_of_taxonomy() {
        assertThat(taxonomy.resolve(CategoryLabels.of("미분류", null, "뭔가")))
                .isInstanceOfSatisfying(
                        Resolution.OutOfTaxonomy.class,
                        out -> assertThat(out.reason()).contains("미분류"));
    }

    @Test
    void an_item_of_another_middle_is_not_taken_from_there_the_chosen_middle_stands_without_an_item() {
        assertThat(taxonomy.resolve(CategoryLabels.of("재활용폐기물", "종이", "우유팩")))
                .isInstanceOfSatisfying(Resolution.Resolved.class, resolved -> {
                    assertThat(resolved.classification().path())
                            .isEqualTo(new CategoryPath(RECYCLABLE, Optional.of(PAPER), Optional.empty()));
                    assertThat(resolved.classification().unmatchedName()).contains("우유팩");
                });
    }

    @Test
    void a_free_text_name_resolves_by_alias_english_name_or_a_whole_name_inside_it() {
        for (String said : List.of("우유", "Milk Carton", "빈 우유팩", "다 마신 우유팩 하나", "우유펙")) {
            assertThat(taxonomy.resolve(CategoryLabels.of("재활용폐기물", "종이팩", said)))
                    .as(said)
                    .isInstanceOfSatisfying(Resolution.Resolved.class, resolved -> {
                        assertThat(resolved.classification().item()).as(said).contains(MILK);
                        assertThat(resolved.classification().unmatchedName()).isEmpty();
                    });
        }
    }

    @Test
    void a_name_that_fits_no_item_or_several_is_not_guessed() {
        // No item's spelling is in "종이 음료 팩", and "팩" is part of both 우유팩 and 주스팩: in either
        // case the category's rule applies, and no item is picked.
        assertThat(taxonomy.resolve(CategoryLabels.of("재활용폐기물", "종이팩", "종이 음료 팩")))
                .isInstanceOfSatisfying(Resolution.Resolved.class, resolved -> {
                    assertThat(resolved.classification().item()).isEmpty();
                    assertThat(resolved.classification().path().ruleNode()).isEqualTo(PAPER_PACK);
                    assertThat(resolved.classification().unmatchedName()).contains("종이 음료 팩");
                });
        assertThat(taxonomy.resolve(CategoryLabels.of("재활용폐기물", "종이팩", "팩")))
                .isInstanceOfSatisfying(
                        Resolution.Resolved.class,
                        resolved -> assertThat(resolved.classification().item()).isEmpty());
    }

    @Test
    void a_name_outside_the_data_keeps_its_category_and_its_printable_words_only() {
        assertThat(taxonomy.resolve(CategoryLabels.of("음식물류폐기물", null, "외계 과일\u202e\u0007")))
                .isInstanceOfSatisfying(Resolution.Resolved.class, resolved -> {
                    assertThat(resolved.classification().path())
                            .isEqualTo(new CategoryPath(FOOD, Optional.empty(), Optional.empty()));
                    assertThat(resolved.classification().unmatchedName()).contains("외계 과일");
                    assertThat(resolved.classification().path().display()).isEqualTo("음식물류폐기물 > (품목 미확인)");
                });
    }

    @Test
    void a_recyclable_without_its_middle_is_out_of_taxonomy() {
        assertThat(taxonomy.resolve(CategoryLabels.of("재활용폐기물", null, "우유팩")))
                .isInstanceOf(Resolution.OutOfTaxonomy.class);
    }

    @Test
    void an_unknown_situation_tag_is_out_of_taxonomy() {
        assertThat(taxonomy.resolve(CategoryLabels.of("재활용폐기물", "종이팩", "우유팩", "반짝임")))
                .isInstanceOfSatisfying(
                        Resolution.OutOfTaxonomy.class,
                        out -> assertThat(out.reason()).contains("반짝임"));
    }

    @Test
    void search_matches_aliases_without_regard_to_case_or_spaces() {
        assertThat(taxonomy.search("우유")).extracting(CategoryPath::item).containsExactly(Optional.of(MILK));
        assertThat(taxonomy.search("Milk Carton"))
                .extracting(CategoryPath::item)
                .containsExactly(Optional.of(MILK));
        assertThat(taxonomy.search("   ")).isEmpty();
    }

    @Test
    void the_display_path_names_every_level() {
        assertThat(taxonomy.pathOf(MILK.id()).orElseThrow().display()).isEqualTo("재활용폐기물 > 종이팩 > 우유팩");
        assertThat(taxonomy.pathOf(PEEL.id()).orElseThrow().display()).isEqualTo("음식물류폐기물 > 과일 껍질");
    }

    @Test
    void rule_nodes_are_the_middles_and_the_majors_without_middles() {
        assertThat(taxonomy.ruleNodes().map(TaxonomyNode::id).map(NodeId::value))
                .containsExactly("recyclable.paper-pack", "recyclable.paper", "food");
    }

    @Test
    void two_items_with_the_same_name_under_one_parent_are_refused() {
        Item twin = new Item(NodeId.of("recyclable.paper-pack.milk-2"), Names.korean("우유 팩"));
        assertThatThrownBy(() -> new MiddleCategory(
                        NodeId.of("recyclable.paper-pack"), Names.korean("종이팩"), List.of(MILK, twin)))
                .hasMessageContaining("same name")
                .hasMessageContaining("recyclable.paper-pack.milk-2");
    }

    @Test
    void one_alias_on_two_nodes_of_a_major_is_refused() {
        Item other = new Item(NodeId.of("recyclable.paper.flyer"), Names.korean("전단지", "우유"));
        MiddleCategory paper = new MiddleCategory(NodeId.of("recyclable.paper"), Names.korean("종이"), List.of(other));
        assertThatThrownBy(() -> MajorCategory.withMiddles(
                        NodeId.of("recyclable"), Names.korean("재활용폐기물"), true, List.of(PAPER_PACK, paper)))
                .hasMessageContaining("'우유'")
                .hasMessageContaining("recyclable.paper.flyer");
    }

    @Test
    void the_same_id_twice_in_the_taxonomy_is_refused() {
        MajorCategory clash = MajorCategory.withItems(
                NodeId.of("general"),
                Names.korean("일반종량제폐기물"),
                false,
                List.of(new Item(MILK.id(), Names.korean("다른 것"))));
        assertThatThrownBy(() -> new Taxonomy(List.of(RECYCLABLE, clash), List.of()))
                .hasMessageContaining("duplicate node id 'recyclable.paper-pack.milk'");
    }

    @Test
    void a_major_must_hold_middles_or_items_but_not_both() {
        assertThatThrownBy(() -> new MajorCategory(
                        NodeId.of("mixed"), Names.korean("혼합"), true, List.of(PAPER_PACK), List.of(PEEL)))
                .hasMessageContaining("either middle categories or items");
    }

    @Test
    void ids_must_be_lower_case_slugs() {
        assertThatThrownBy(() -> NodeId.of("Recyclable.Paper")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> NodeId.of("a..b")).hasMessageContaining("lower-case");
    }
}
