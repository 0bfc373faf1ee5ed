package dev.ecoscan.domain.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerTest {

    @Test
    void an_answer_needs_a_reply_and_at_least_one_step() {
        assertThatThrownBy(() -> new Answer(" ", List.of("a"), List.of())).hasMessageContaining("user answer");
        assertThatThrownBy(() -> new Answer("ok", List.of(), List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new Answer("ok", List.of("a", ""), List.of())).hasMessageContaining("disposal step");
    }

    @Test
    void insufficiencies_decide_whether_the_item_is_ready() {
        assertThat(new Answer("ok", List.of("a"), List.of()).hasInsufficiencies()).isFalse();
        assertThat(new Answer("ok", List.of("a"), List.of("라벨을 떼세요")).hasInsufficiencies()).isTrue();
    }
}
