package dev.ecoscan.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.SituationTag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisposalRuleTest {

    private static final SituationTag LABEL_ON = new SituationTag("vinyl-label-attached", "비닐_라벨_부착",
            "attachments", Optional.of("라벨을 떼세요."));
    private static final SituationTag CAP_ON = new SituationTag("cap-on", "뚜껑_닫힘", "attachments", Optional.empty());

    private static DisposalRule clearPet(List<String> blockedBy) {
        return new DisposalRule(new RuleKey("재활용폐기물_무색페트병"), NodeId.of("recyclable.clear-pet"), "라벨을 떼요.",
                List.of("생수병"), List.of("라벨을 떼요."), Map.of(), List.of(), "환경부", blockedBy);
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
    void a_rule_made_without_blocking_tags_blocks_nothing() {
        DisposalRule rule = new DisposalRule(new RuleKey("음식물류폐기물"), NodeId.of("food"), "물기를 빼요.", List.of("껍질"),
                List.of("물기를 빼요."), Map.of(), List.of(), "환경부");

        assertThat(rule.rewardBlockedBy()).isEmpty();
        assertThat(rule.blocksReward(LABEL_ON)).isFalse();
    }
}
