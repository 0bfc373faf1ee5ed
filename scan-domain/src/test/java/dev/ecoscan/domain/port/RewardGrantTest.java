package dev.ecoscan.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.Names;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewardGrantTest {

    private static final Taxonomy TAXONOMY = new Taxonomy(
            List.of(
                    MajorCategory.withMiddles(
                            NodeId.of("recyclable"),
                            Names.korean("재활용폐기물"),
                            true,
                            List.of(new MiddleCategory(
                                    NodeId.of("recyclable.glass"),
                                    Names.korean("유리병"),
                                    List.of(new Item(NodeId.of("recyclable.glass.soju"), Names.korean("소주병")))))),
                    MajorCategory.withItems(
                            NodeId.of("food"),
                            Names.korean("음식물류폐기물"),
                            false,
                            List.of(new Item(NodeId.of("food.peel"), Names.korean("과일 껍질"))))),
            List.of());
    private static final UserId USER = new UserId("dana");

    private static Classification classify(String major, String middle, String item) {
        return ((Resolution.Resolved) TAXONOMY.resolve(CategoryLabels.of(major, middle, item))).classification();
    }

    @Test
    void a_grant_names_the_middle_category_whose_character_is_granted() {
        RewardGrant grant = new RewardGrant(ScanId.random(), USER, classify("재활용폐기물", "유리병", "소주병"), Instant.now());

        assertThat(grant.middle().name()).isEqualTo("유리병");
    }

    @Test
    void no_grant_can_be_made_for_an_item_that_earns_nothing() {
        assertThatThrownBy(
                        () -> new RewardGrant(ScanId.random(), USER, classify("음식물류폐기물", null, "과일 껍질"), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("middle category");
    }
}
