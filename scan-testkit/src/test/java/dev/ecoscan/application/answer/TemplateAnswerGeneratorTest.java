package dev.ecoscan.application.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.Resolution;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The template strategy on the real knowledge base. */
class TemplateAnswerGeneratorTest {

    private final KnowledgeBase knowledge = KnowledgeBase.embedded();
    private final TemplateAnswerGenerator generator = new TemplateAnswerGenerator();

    @Test
    void a_clean_item_gets_the_rules_steps_and_nothing_to_fix() {
        Classification soju = classify(CategoryLabels.of("재활용폐기물", "유리병", "소주병"));
        DisposalRule rule = knowledge.rules().find(soju).orElseThrow();

        Answer answer = answer(soju, Optional.empty());

        assertThat(answer.userAnswer())
                .startsWith("소주병은 재활용폐기물 중 유리병으로 배출해요.")
                .contains(rule.adviceFor(soju.item().orElseThrow()).summary())
                .contains("그대로 배출");
        assertThat(answer.steps()).isEqualTo(rule.stepsFor(soju.item().orElseThrow(), soju.situation()));
        assertThat(answer.insufficiencies()).isEmpty();
    }

    @Test
    void situation_tags_needing_action_become_the_insufficiencies() {
        Classification bottle = classify(CategoryLabels.of("재활용폐기물", "무색페트병", "먹는샘물 페트병", "비닐_라벨_부착", "내용물_없음"));
        String labelAdvice =
                knowledge.taxonomy().tag("비닐_라벨_부착").orElseThrow().advice().orElseThrow();

        Answer answer = answer(bottle, Optional.empty());

        assertThat(answer.insufficiencies()).containsExactly(labelAdvice);
        assertThat(answer.userAnswer()).contains("1가지를 먼저");
    }

    @Test
    void an_item_sent_somewhere_else_than_its_category_is_told_where_and_gets_its_own_steps_first() {
        Classification butane = classify(CategoryLabels.of("재활용폐기물", "금속류", "부탄가스"));

        Answer answer = answer(butane, Optional.empty());

        assertThat(answer.userAnswer()).startsWith("부탄가스는 캔류 수거함 (가스를 다 뺀 뒤)").contains("구멍을 뚫지 말고");
        assertThat(answer.steps().get(0)).contains("노즐을 눌러").contains("구멍을 뚫지 마세요");
        assertThat(answer.steps()).noneMatch(step -> step.contains("헹궈"));
    }

    @Test
    void a_water_ice_pack_seen_as_such_gets_the_water_variant() {
        Classification pack = classify(CategoryLabels.of("일반종량제폐기물", null, "아이스팩", "물_충전재"));

        Answer answer = answer(pack, Optional.empty());

        assertThat(answer.steps()).anyMatch(step -> step.contains("물을")).noneMatch(step -> step.contains("젤"));
        assertThat(answer.userAnswer()).contains("비닐류");
    }

    @Test
    void a_major_without_middles_is_named_directly() {
        Answer answer = answer(classify(CategoryLabels.of("음식물류폐기물", null, "과일 껍질")), Optional.empty());

        assertThat(answer.userAnswer()).startsWith("과일 껍질은 음식물류폐기물로 배출해요.");
    }

    @Test
    void a_question_is_acknowledged_but_not_invented_an_answer_for() {
        Answer answer = answer(classify(CategoryLabels.of("재활용폐기물", "유리병", "소주병")), Optional.of("뚜껑은요?"));

        assertThat(answer.userAnswer()).contains("질문에는");
    }

    private Answer answer(Classification classification, Optional<String> question) {
        DisposalRule rule = knowledge.rules().find(classification).orElseThrow();
        AnswerResult result =
                generator.answer(new AnswerRequest(ScanId.random(), classification, rule, question, Instant.MAX));
        return ((AnswerResult.Answered) result).answer();
    }

    private Classification classify(CategoryLabels labels) {
        return ((Resolution.Resolved) knowledge.taxonomy().resolve(labels)).classification();
    }
}
