package dev.ecoscan.domain.taxonomy;

import static dev.ecoscan.domain.taxonomy.TaxonomyFixtures.MILK;
import static dev.ecoscan.domain.taxonomy.TaxonomyFixtures.PAPER_PACK;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaxonomySearchTest {

    private final Taxonomy taxonomy = TaxonomyFixtures.taxonomy();

    @Test
    void an_exact_name_ranks_before_an_alias_and_a_partial_match() {
        assertThat(taxonomy.find("종이팩")).first().satisfies(hit -> {
            assertThat(hit.node()).isEqualTo(PAPER_PACK);
            assertThat(hit.match()).isEqualTo(SearchHit.Match.NAME);
            assertThat(hit.path()).isEmpty();
        });
        assertThat(taxonomy.find("우유").get(0).match()).isEqualTo(SearchHit.Match.ALIAS);
    }

    @Test
    void spacing_punctuation_and_case_are_ignored() {
        assertThat(taxonomy.find(" 우 유-팩! "))
                .first()
                .satisfies(hit -> assertThat(hit.node()).isEqualTo(MILK));
        assertThat(taxonomy.find("MILK·CARTON"))
                .first()
                .satisfies(hit -> assertThat(hit.node()).isEqualTo(MILK));
    }

    @Test
    void one_typo_is_forgiven_in_words_of_three_letters_or_more_but_not_in_shorter_ones() {
        assertThat(taxonomy.find("우유펙")).first().satisfies(hit -> {
            assertThat(hit.node()).isEqualTo(MILK);
            assertThat(hit.match()).isEqualTo(SearchHit.Match.TYPO);
        });
        assertThat(taxonomy.find("두유")).isEmpty();
    }

    @Test
    void a_part_of_a_name_finds_the_node_last() {
        assertThat(taxonomy.find("껍질")).first().satisfies(hit -> {
            assertThat(hit.node().id().value()).isEqualTo("food.peel");
            assertThat(hit.match()).isEqualTo(SearchHit.Match.PARTIAL);
        });
        assertThat(taxonomy.find("   ")).isEmpty();
    }

    @Test
    void the_edit_distance_check_counts_one_insertion_deletion_or_substitution() {
        assertThat(TaxonomySearch.withinOneEdit("부탄가스", "부탄가수")).isTrue();
        assertThat(TaxonomySearch.withinOneEdit("부탄가스", "부탄가스통")).isTrue();
        assertThat(TaxonomySearch.withinOneEdit("부탄가스", "부탄스")).isTrue();
        assertThat(TaxonomySearch.withinOneEdit("부탄가스", "부단가수")).isFalse();
    }
}
