package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.taxonomy.SituationTag;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model output is untrusted input: each reader accepts what is valid and says what is not. */
class ReplyReadersTest {

    private final VisionReplyReader vision =
            new VisionReplyReader(KnowledgeBase.embedded().taxonomy());
    private final AnswerReplyReader answers = new AnswerReplyReader();

    @Test
    void a_consistent_vision_reply_is_resolved_against_the_taxonomy() {
        ReplyReading<ClassifierVerdict> reading = vision.read("""
                {"major":"재활용폐기물","middle":"종이팩","item":"우유팩","tags":["내용물_없음"]}""", false);

        assertThat(reading)
                .isInstanceOfSatisfying(
                        ReplyReading.Usable.class,
                        usable -> assertThat(usable.value())
                                .isInstanceOfSatisfying(ClassifierVerdict.Classified.class, classified -> {
                                    assertThat(classified
                                                    .classification()
                                                    .path()
                                                    .display())
                                            .isEqualTo("재활용폐기물 > 종이팩 > 우유팩");
                                    assertThat(classified.classification().situation())
                                            .extracting(SituationTag::label)
                                            .containsExactly("내용물_없음");
                                }));
    }

    @Test
    void labels_outside_the_taxonomy_are_invalid_with_the_reason() {
        ReplyReading<ClassifierVerdict> reading = vision.read("""
                {"major":"우주폐기물","middle":"","item":"외계 물체","tags":[]}""", false);

        assertThat(reading)
                .isInstanceOfSatisfying(
                        ReplyReading.Unusable.class,
                        invalid -> assertThat(invalid.problem()).contains("우주폐기물"));
    }

    @Test
    void a_middle_of_another_major_is_invalid_but_a_free_text_item_name_keeps_its_category() {
        assertThat(vision.read("""
                {"major":"일반종량제폐기물","middle":"유리병","item":"유리병","tags":[]}""", false)).isInstanceOf(ReplyReading.Unusable.class);
        assertThat(vision.read("""
                {"major":"재활용폐기물","middle":"유리병","item":"처음 보는 물건","tags":[]}""", false))
                .isInstanceOfSatisfying(
                        ReplyReading.Usable.class,
                        usable -> assertThat(usable.value())
                                .isInstanceOfSatisfying(ClassifierVerdict.Classified.class, classified -> {
                                    assertThat(classified.classification().item())
                                            .isEmpty();
                                    assertThat(classified.classification().unmatchedName())
                                            .contains("처음 보는 물건");
                                }));
    }

    @Test
    void an_empty_item_name_is_invalid_so_it_is_asked_again() {
        assertThat(vision.read("""
                {"major":"재활용폐기물","middle":"유리병","item":" ","tags":[]}""", false)).isInstanceOf(ReplyReading.Unusable.class);
    }

    @Test
    void broken_json_and_a_truncated_reply_are_invalid() {
        assertThat(vision.read("{\"major\": \"재활", false))
                .isInstanceOfSatisfying(
                        ReplyReading.Unusable.class,
                        i -> assertThat(i.problem()).contains("JSON"));
        assertThat(vision.read("{}", true))
                .isInstanceOfSatisfying(
                        ReplyReading.Unusable.class,
                        i -> assertThat(i.problem()).contains("잘렸다"));
    }

    @Test
    void an_unclassifiable_reply_keeps_its_reasons() {
        assertThat(vision.read("""
                {"major":"미분류","middle":"","item":"","tags":["이미지_흐림"]}""", false))
                .isInstanceOfSatisfying(
                        ReplyReading.Usable.class,
                        usable -> assertThat(usable.value())
                                .isInstanceOfSatisfying(
                                        ClassifierVerdict.Unclassifiable.class,
                                        u -> assertThat(u.reason()).contains("이미지_흐림")));
    }

    @Test
    void an_answer_reply_loses_step_numbers_and_keeps_order() {
        ReplyReading<Answer> reading = answers.read("""
                {"user_answer":"헹궈서 종이팩으로 내놓아요.","disposal_steps":["1. 헹궈요.","2) 말려요.","- 묶어요."],
                 "insufficiencies":[]}""", false);

        assertThat(reading)
                .isEqualTo(new ReplyReading.Usable<>(
                        new Answer("헹궈서 종이팩으로 내놓아요.", List.of("헹궈요.", "말려요.", "묶어요."), List.of())));
    }

    @Test
    void an_answer_without_steps_or_reply_is_invalid() {
        assertThat(answers.read("{\"user_answer\":\"\",\"disposal_steps\":[\"a\"],\"insufficiencies\":[]}", false))
                .isInstanceOf(ReplyReading.Unusable.class);
        assertThat(answers.read("{\"user_answer\":\"네\",\"disposal_steps\":[],\"insufficiencies\":[]}", false))
                .isInstanceOf(ReplyReading.Unusable.class);
        assertThat(answers.read("[1,2]", false)).isInstanceOf(ReplyReading.Unusable.class);
    }
}
