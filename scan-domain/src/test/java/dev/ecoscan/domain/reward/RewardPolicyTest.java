package dev.ecoscan.domain.reward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.Names;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewardPolicyTest {

    private static final Taxonomy TAXONOMY = new Taxonomy(List.of(
            MajorCategory.withMiddles(NodeId.of("recyclable"), Names.korean("재활용폐기물"), true, List.of(
                    new MiddleCategory(NodeId.of("recyclable.glass"), Names.korean("유리병"),
                            List.of(new Item(NodeId.of("recyclable.glass.soju"), Names.korean("소주병")))))),
            MajorCategory.withItems(NodeId.of("food"), Names.korean("음식물류폐기물"), false,
                    List.of(new Item(NodeId.of("food.peel"), Names.korean("과일 껍질"))))), List.of());

    private static Classification classify(String major, String middle, String item) {
        return ((Resolution.Resolved) TAXONOMY.resolve(CategoryLabels.of(major, middle, item))).classification();
    }

    @Test
    void a_clean_recyclable_with_rules_qualifies() {
        assertThat(RewardPolicy.whyNotEligible(classify("재활용폐기물", "유리병", "소주병"), true, false)).isEmpty();
    }

    @Test
    void a_non_recyclable_does_not_qualify() {
        assertThat(RewardPolicy.whyNotEligible(classify("음식물류폐기물", null, "과일 껍질"), true, false))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not a recyclable"));
    }

    @Test
    void missing_rules_or_open_insufficiencies_do_not_qualify() {
        Classification soju = classify("재활용폐기물", "유리병", "소주병");
        assertThat(RewardPolicy.whyNotEligible(soju, false, false)).hasValueSatisfying(r -> assertThat(r).contains("rule"));
        assertThat(RewardPolicy.whyNotEligible(soju, true, true)).hasValueSatisfying(r -> assertThat(r).contains("fix"));
    }
}
