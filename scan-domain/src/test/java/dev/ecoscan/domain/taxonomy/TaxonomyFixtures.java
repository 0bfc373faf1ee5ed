package dev.ecoscan.domain.taxonomy;

import java.util.List;
import java.util.Optional;

/** A small taxonomy for the domain's own tests: one recyclable major with middles, one without. */
final class TaxonomyFixtures {

    static final Item MILK =
            new Item(NodeId.of("recyclable.paper-pack.milk"), Names.korean("우유팩", "우유", "milk carton"));
    static final Item JUICE = new Item(NodeId.of("recyclable.paper-pack.juice"), Names.korean("주스팩", "juice carton"));
    static final Item NEWSPAPER = new Item(NodeId.of("recyclable.paper.newspaper"), Names.korean("신문지", "newspaper"));
    static final MiddleCategory PAPER_PACK =
            new MiddleCategory(NodeId.of("recyclable.paper-pack"), Names.korean("종이팩"), List.of(MILK, JUICE));
    static final MiddleCategory PAPER =
            new MiddleCategory(NodeId.of("recyclable.paper"), Names.korean("종이"), List.of(NEWSPAPER));
    static final MajorCategory RECYCLABLE = MajorCategory.withMiddles(
            NodeId.of("recyclable"), Names.korean("재활용폐기물"), true, List.of(PAPER_PACK, PAPER));
    static final Item PEEL = new Item(NodeId.of("food.peel"), Names.korean("과일 껍질", "peel"));
    static final MajorCategory FOOD =
            MajorCategory.withItems(NodeId.of("food"), Names.korean("음식물류폐기물"), false, List.of(PEEL));
    static final SituationTag LABEL_ON =
            new SituationTag("label-on", "비닐_라벨_부착", "attachments", Optional.of("라벨을 떼어 주세요."));
    static final SituationTag EMPTY = new SituationTag("empty", "내용물_없음", "contents", Optional.empty());

    static Taxonomy taxonomy() {
        return new Taxonomy(List.of(RECYCLABLE, FOOD), List.of(LABEL_ON, EMPTY));
    }

    private TaxonomyFixtures() {}
}
