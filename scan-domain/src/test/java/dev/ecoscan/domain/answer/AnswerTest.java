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
    void an_answer_says_whether_it_lists_something_to_fix() {
        assertThat(new Answer("ok", List.of("a"), List.of()).hasInsufficiencies())
                .isFalse();
        assertThat(new Answer("ok", List.of("a"), List.of("라벨을 떼세요")).hasInsufficiencies())
                .isTrue();
    }

    @Test
    void required_insufficiencies_the_answer_lacks_are_added_after_its_own() {
        Answer answer = new Answer("ok", List.of("a"), List.of("빨대를 빼세요", "라벨을 떼세요"));

        assertThat(answer.including(List.of("라벨을 떼세요", "내용물을 비우세요")).insufficiencies())
                .containsExactly("빨대를 빼세요", "라벨을 떼세요", "내용물을 비우세요");
        assertThat(answer.including(List.of("빨대를 빼세요"))).isSameAs(answer);
    }
}
