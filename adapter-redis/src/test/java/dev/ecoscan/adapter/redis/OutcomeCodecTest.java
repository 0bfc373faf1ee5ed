package dev.ecoscan.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.Rejection;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Outcomes survive the trip through JSON, so another process rebuilds exactly what the worker saw. */
class OutcomeCodecTest {

    private final OutcomeCodec codec = new OutcomeCodec(
            KnowledgeBase.embedded().guide(), KnowledgeBase.embedded().characters());

    @Test
    void a_completed_scan_with_a_granted_character_comes_back_equal() {
        ScanOutcome outcome = milkCartonScan();

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        completed -> assertThat(completed.reward()).isInstanceOf(RewardOutcome.Granted.class));
        assertThat(codec.decode(codec.encode(outcome), outcome.question())).isEqualTo(outcome);
        assertThat(outcome.timings()).hasSize(4);
    }

    @Test
    void a_completed_scan_with_situation_tags_and_no_reward_comes_back_equal() {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "무색페트병", "먹는샘물 페트병", "비닐_라벨_부착"))
                .answers(CannedAnswers.withInsufficiency("라벨을 떼세요"))
                .build();
        ScanOutcome outcome = pipeline.scan("bottle.png");

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Completed.class, completed -> {
            assertThat(completed.classification().situation()).isNotEmpty();
            assertThat(completed.reward()).isInstanceOf(RewardOutcome.NotEligible.class);
        });
        assertThat(codec.decode(codec.encode(outcome), outcome.question())).isEqualTo(outcome);
    }

    @Test
    void a_character_the_catalogue_no_longer_has_is_kept_as_it_was_granted() {
        ScanOutcome.Completed completed = (ScanOutcome.Completed) milkCartonScan();
        Character retired = new Character("retired-mascot", "은퇴한 마스코트", "종이", "안녕!", Optional.empty());
        ScanOutcome outcome = new ScanOutcome.Completed(
                completed.scanId(),
                completed.question(),
                completed.classification(),
                completed.rule(),
                completed.answer(),
                new RewardOutcome.AlreadyOwned(retired, "이미 있어요"),
                completed.timings());

        assertThat(codec.decode(codec.encode(outcome), outcome.question())).isEqualTo(outcome);
    }

    @Test
    void an_unavailable_reward_comes_back_equal() {
        ScanOutcome.Completed completed = (ScanOutcome.Completed) milkCartonScan();
        ScanOutcome outcome = new ScanOutcome.Completed(
                completed.scanId(),
                completed.question(),
                completed.classification(),
                completed.rule(),
                completed.answer(),
                new RewardOutcome.Unavailable("database down"),
                completed.timings());

        assertThat(codec.decode(codec.encode(outcome), outcome.question())).isEqualTo(outcome);
    }

    @Test
    void a_rejected_scan_comes_back_equal_with_or_without_its_classification() {
        ScanOutcome unclassifiable = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.unclassifiable("blurry"))
                .build()
                .scan("x.png");
        ScanOutcome.Completed completed = (ScanOutcome.Completed) milkCartonScan();
        ScanOutcome noRule = new ScanOutcome.Rejected(
                completed.scanId(),
                completed.question(),
                Rejection.NO_MATCHING_RULE,
                "no rule",
                Optional.of(completed.classification()),
                completed.timings().subList(0, 2));

        assertThat(unclassifiable).isInstanceOf(ScanOutcome.Rejected.class);
        assertThat(codec.decode(codec.encode(unclassifiable), unclassifiable.question()))
                .isEqualTo(unclassifiable);
        assertThat(codec.decode(codec.encode(noRule), noRule.question())).isEqualTo(noRule);
    }

    @Test
    void a_failed_scan_comes_back_equal() {
        ScanOutcome outcome = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.failing(FailureKind.UPSTREAM_TIMEOUT))
                .build()
                .scan("x.png");

        assertThat(outcome).isInstanceOf(ScanOutcome.Failed.class);
        assertThat(codec.decode(codec.encode(outcome), outcome.question())).isEqualTo(outcome);
    }

    @Test
    void the_question_is_not_stored_with_the_outcome_but_given_back_by_the_reader() {
        ScanOutcome outcome = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                .answers(CannedAnswers.clean())
                .build()
                .scan("milk.png", "빨대는 어떻게 하나요?");

        String stored = codec.encode(outcome);

        assertThat(stored).doesNotContain("빨대는 어떻게 하나요?");
        assertThat(codec.decode(stored, Optional.of("빨대는 어떻게 하나요?"))).isEqualTo(outcome);
    }

    @Test
    void json_that_is_not_an_outcome_is_refused_with_a_reason() {
        assertThatThrownBy(
                        () -> codec.decode("{\"scanId\":\"00000000-0000-4000-8000-000000000009\"}", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type");
        assertThatThrownBy(() -> codec.decode("not json", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ScanOutcome milkCartonScan() {
        return ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                .answers(CannedAnswers.clean())
                .build()
                .scan("milk.png");
    }
}
