package dev.ecoscan.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.Rejection;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.scan.StepStatus;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.CannedImages;
import dev.ecoscan.testkit.InMemoryRewards;
import dev.ecoscan.testkit.InMemoryRules;
import dev.ecoscan.testkit.ManualClock;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pipeline's rules, run on the testkit's fakes. */
class ScanPipelineTest {

    private static final List<Step> ALL_STEPS = List.of(Step.VISION, Step.RAG, Step.ANSWER, Step.REWARD_MATCH);

    private final ScriptedClassifier milkCarton = ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩");
    private final CannedAnswers cleanAnswers = CannedAnswers.clean();

    @Test
    void a_clean_recyclable_runs_all_four_steps_and_earns_its_middles_character() {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(milkCarton)
                .answers(cleanAnswers)
                .build();

        ScanOutcome outcome = pipeline.scan("milk.png");

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Completed.class, done -> {
            assertThat(done.classification().path().display()).isEqualTo("재활용폐기물 > 종이팩 > 우유팩");
            assertThat(done.rule().key().value()).isEqualTo("재활용폐기물_종이팩");
            assertThat(done.reward()).isInstanceOfSatisfying(RewardOutcome.Granted.class, granted -> {
                assertThat(granted.character().type()).isEqualTo("종이팩");
                assertThat(granted.matchReason()).isEqualTo("종이팩");
            });
        });
        assertThat(outcome.timings()).extracting(StepEvent::step).containsExactlyElementsOf(ALL_STEPS);
        assertThat(outcome.timings()).extracting(StepEvent::status).containsOnly(StepStatus.SUCCESS);
        assertThat(pipeline.recorder().eventsOf(outcome.scanId())).containsExactlyElementsOf(outcome.timings());
    }

    @Test
    void the_same_user_scanning_again_already_owns_the_character() {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(milkCarton)
                .answers(cleanAnswers)
                .build();

        pipeline.scan("milk.png");
        ScanOutcome second = pipeline.scan("milk.png");

        assertThat(((ScanOutcome.Completed) second).reward()).isInstanceOf(RewardOutcome.AlreadyOwned.class);
    }

    @Test
    void a_classification_outside_the_taxonomy_stops_after_vision() {
        InMemoryRules rules =
                new InMemoryRules(dev.ecoscan.data.KnowledgeBase.embedded().rules());
        InMemoryRewards rewards =
                new InMemoryRewards(dev.ecoscan.data.KnowledgeBase.embedded().characters());
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("미분류", null, "외계 물체"))
                .rules(rules)
                .answers(cleanAnswers)
                .rewards(rewards)
                .build();

        ScanOutcome outcome = pipeline.scan("ufo.png");

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(Rejection.OUT_OF_TAXONOMY);
            assertThat(rejected.detail()).contains("미분류");
        });
        assertThat(rules.calls()).isZero();
        assertThat(cleanAnswers.calls()).isZero();
        assertThat(rewards.calls()).isZero();
        assertThat(outcome.timings()).extracting(StepEvent::step).containsExactly(Step.VISION);
    }

    @Test
    void no_matching_rule_stops_before_the_answer_and_the_reward() {
        InMemoryRewards rewards =
                new InMemoryRewards(dev.ecoscan.data.KnowledgeBase.embedded().characters());
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(milkCarton)
                .rules(InMemoryRules.empty())
                .answers(cleanAnswers)
                .rewards(rewards)
                .build();

        ScanOutcome outcome = pipeline.scan("milk.png");

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(Rejection.NO_MATCHING_RULE);
            assertThat(rejected.classification()).isPresent();
        });
        assertThat(cleanAnswers.calls()).isZero();
        assertThat(rewards.calls()).isZero();
        assertThat(outcome.timings()).extracting(StepEvent::step).containsExactly(Step.VISION, Step.RAG);
        assertThat(outcome.timings())
                .extracting(StepEvent::status)
                .containsExactly(StepStatus.SUCCESS, StepStatus.REJECTED);
    }

    @Test
    void an_unreadable_image_and_an_unclassifiable_item_are_rejected_with_their_reasons() {
        ScriptedClassifier neverAsked = ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩");
        TestPipeline unreadablePipeline = ScanTestKit.pipeline()
                .images(CannedImages.unreadable("404 from host"))
                .classifier(neverAsked)
                .build();
        ScanOutcome unreadable = unreadablePipeline.scan("gone.png");
        ScanOutcome unclassifiable = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.unclassifiable("several objects"))
                .build()
                .scan("pile.png");

        assertThat(unreadable).isInstanceOfSatisfying(ScanOutcome.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Rejection.UNREADABLE_IMAGE);
            assertThat(r.detail()).isEqualTo("404 from host");
        });
        assertThat(unclassifiable)
                .isInstanceOfSatisfying(
                        ScanOutcome.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Rejection.UNCLASSIFIABLE));
        // An image that never loaded never reaches vision: its load is timed, no step is.
        assertThat(neverAsked.calls()).isZero();
        assertThat(unreadable.timings()).isEmpty();
        assertThat(unreadablePipeline.recorder().imageLoads())
                .singleElement()
                .satisfies(load -> assertThat(load.status()).isEqualTo(StepStatus.REJECTED));
        assertThat(unclassifiable.timings()).extracting(StepEvent::status).containsExactly(StepStatus.REJECTED);
    }

    @Test
    void the_image_is_loaded_before_vision_and_timed_beside_the_four_steps() {
        CannedImages images = CannedImages.anyPhoto();
        TestPipeline pipeline = ScanTestKit.pipeline()
                .images(images)
                .classifier(milkCarton)
                .answers(cleanAnswers)
                .build();
        ScanRequest request = pipeline.request("milk.png", null);

        ScanOutcome outcome = pipeline.scan(request);

        assertThat(images.references()).containsExactly(request.image());
        assertThat(milkCarton.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.image()).isEqualTo(CannedImages.PHOTO));
        assertThat(pipeline.recorder().imageLoads()).singleElement().satisfies(load -> {
            assertThat(load.scanId()).isEqualTo(request.id());
            assertThat(load.status()).isEqualTo(StepStatus.SUCCESS);
        });
        assertThat(outcome.timings()).extracting(StepEvent::step).containsExactlyElementsOf(ALL_STEPS);
    }

    @Test
    void every_outcome_carries_the_question_it_answers() {
        String question = "빨대는 어떻게 하나요?";
        TestPipeline completing = ScanTestKit.pipeline()
                .classifier(milkCarton)
                .answers(cleanAnswers)
                .build();
        TestPipeline rejecting = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.unclassifiable("several objects"))
                .build();
        TestPipeline failing = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.failing(FailureKind.UPSTREAM_UNAVAILABLE))
                .build();

        assertThat(List.of(
                        completing.scan("milk.png", question),
                        rejecting.scan("pile.png", question),
                        failing.scan("milk.png", question)))
                .extracting(ScanOutcome::question)
                .containsOnly(Optional.of(question));
        assertThat(completing.scan("milk.png").question()).isEmpty();
    }

    @Test
    void a_non_recyclable_item_completes_without_calling_the_reward_port() {
        InMemoryRewards rewards =
                new InMemoryRewards(dev.ecoscan.data.KnowledgeBase.embedded().characters());
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("음식물류폐기물", null, "과일 껍질"))
                .answers(cleanAnswers)
                .rewards(rewards)
                .build();

        ScanOutcome outcome = pipeline.scan("peel.png");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        done -> assertThat(done.reward())
                                .isInstanceOfSatisfying(
                                        RewardOutcome.NotEligible.class,
                                        n -> assertThat(n.reason()).contains("not a recyclable")));
        assertThat(rewards.calls()).isZero();
        assertThat(outcome.timings()).extracting(StepEvent::step).containsExactly(Step.VISION, Step.RAG, Step.ANSWER);
    }

    @Test
    void the_answers_insufficiencies_are_shown_but_do_not_decide_the_reward() {
        InMemoryRewards rewards =
                new InMemoryRewards(dev.ecoscan.data.KnowledgeBase.embedded().characters());
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(milkCarton)
                .answers(CannedAnswers.withInsufficiency("빨대를 빼 주세요."))
                .rewards(rewards)
                .build();

        ScanOutcome outcome = pipeline.scan("milk.png");

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Completed.class, done -> {
            assertThat(done.answer().insufficiencies()).containsExactly("빨대를 빼 주세요.");
            assertThat(done.reward()).isInstanceOf(RewardOutcome.Granted.class);
        });
    }

    @Test
    void a_blocking_situation_tag_closes_the_reward_gate_without_calling_the_reward_port() {
        InMemoryRewards rewards =
                new InMemoryRewards(dev.ecoscan.data.KnowledgeBase.embedded().characters());
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "무색페트병", "먹는샘물 페트병", "비닐_라벨_부착"))
                .answers(cleanAnswers)
                .rewards(rewards)
                .build();

        ScanOutcome outcome = pipeline.scan("bottle.png");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        done -> assertThat(done.reward())
                                .isInstanceOfSatisfying(
                                        RewardOutcome.NotEligible.class,
                                        n -> assertThat(n.reason()).contains("비닐_라벨_부착")));
        assertThat(rewards.calls()).isZero();
        assertThat(outcome.timings()).extracting(StepEvent::step).containsExactly(Step.VISION, Step.RAG, Step.ANSWER);
    }

    @Test
    void situation_tags_needing_action_become_insufficiencies_in_rule_answers() {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "무색페트병", "먹는샘물 페트병", "비닐_라벨_부착"))
                .build();

        ScanOutcome outcome = pipeline.scan("bottle.png");

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Completed.class, done -> {
            assertThat(done.answer().insufficiencies()).isNotEmpty();
            assertThat(done.reward()).isInstanceOf(RewardOutcome.NotEligible.class);
        });
    }

    @Test
    void a_blocking_tags_advice_is_added_to_a_model_answer_that_left_it_out() {
        String labelAdvice = dev.ecoscan.data.KnowledgeBase.embedded()
                .taxonomy()
                .tag("비닐_라벨_부착")
                .orElseThrow()
                .advice()
                .orElseThrow();
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "무색페트병", "먹는샘물 페트병", "비닐_라벨_부착"))
                .answers(CannedAnswers.withInsufficiency("뚜껑은 닫아서 내요."))
                .build();

        ScanOutcome outcome = pipeline.scan("bottle.png");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        done -> assertThat(done.answer().insufficiencies())
                                .containsExactly("뚜껑은 닫아서 내요.", labelAdvice));
    }

    @Test
    void the_reward_port_gets_the_grant_the_pipeline_decided() {
        InMemoryRewards rewards =
                new InMemoryRewards(dev.ecoscan.data.KnowledgeBase.embedded().characters());
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(milkCarton)
                .answers(cleanAnswers)
                .rewards(rewards)
                .build();
        ScanRequest request = pipeline.request("milk.png", null);

        pipeline.scan(request);

        assertThat(rewards.grants()).singleElement().satisfies(grant -> {
            assertThat(grant.scanId()).isEqualTo(request.id());
            assertThat(grant.user()).isEqualTo(request.user());
            assertThat(grant.middle().name()).isEqualTo("종이팩");
            assertThat(grant.deadline()).isEqualTo(request.deadline());
        });
    }

    @Test
    void an_unavailable_reward_port_still_gives_a_completed_scan() {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(milkCarton)
                .answers(cleanAnswers)
                .rewards(InMemoryRewards.unavailable(
                        dev.ecoscan.data.KnowledgeBase.embedded().characters(), "db down"))
                .build();

        ScanOutcome outcome = pipeline.scan("milk.png");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        done -> assertThat(done.reward()).isEqualTo(new RewardOutcome.Unavailable("db down")));
        assertThat(outcome.timings()).last().satisfies(e -> {
            assertThat(e.step()).isEqualTo(Step.REWARD_MATCH);
            assertThat(e.status()).isEqualTo(StepStatus.FAILED);
        });
    }

    @Test
    void a_throwing_reward_port_still_gives_a_completed_scan_and_its_error_is_timed() {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(milkCarton)
                .answers(cleanAnswers)
                .rewards(InMemoryRewards.throwing(
                        dev.ecoscan.data.KnowledgeBase.embedded().characters(),
                        new IllegalStateException("connection reset")))
                .build();

        ScanOutcome outcome = pipeline.scan("milk.png");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        done -> assertThat(done.reward())
                                .isInstanceOfSatisfying(
                                        RewardOutcome.Unavailable.class,
                                        u -> assertThat(u.reason()).contains("connection reset")));
        assertThat(outcome.timings()).extracting(StepEvent::step).containsExactlyElementsOf(ALL_STEPS);
        assertThat(outcome.timings().getLast().status()).isEqualTo(StepStatus.ERROR);
    }

    @Test
    void a_failing_answer_fails_the_scan_in_the_answer_step_without_a_reward() {
        InMemoryRewards rewards =
                new InMemoryRewards(dev.ecoscan.data.KnowledgeBase.embedded().characters());
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(milkCarton)
                .answers(CannedAnswers.failing(FailureKind.UPSTREAM_UNAVAILABLE))
                .rewards(rewards)
                .build();

        ScanOutcome outcome = pipeline.scan("milk.png");

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Failed.class, failed -> {
            assertThat(failed.step()).isEqualTo(Step.ANSWER);
            assertThat(failed.kind()).isEqualTo(FailureKind.UPSTREAM_UNAVAILABLE);
        });
        assertThat(rewards.calls()).isZero();
        assertThat(outcome.timings()).extracting(StepEvent::step).containsExactly(Step.VISION, Step.RAG, Step.ANSWER);
    }

    @Test
    void a_throwing_classifier_fails_the_scan_as_an_internal_error_and_is_timed() {
        ScanOutcome outcome = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.throwing(new IllegalStateException("bug")))
                .build()
                .scan("x.png");

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Failed.class, failed -> {
            assertThat(failed.step()).isEqualTo(Step.VISION);
            assertThat(failed.kind()).isEqualTo(FailureKind.INTERNAL_ERROR);
            assertThat(failed.detail()).contains("bug");
        });
        assertThat(outcome.timings()).extracting(StepEvent::status).containsExactly(StepStatus.ERROR);
    }

    @Test
    void a_port_returning_nothing_fails_the_scan_instead_of_throwing() {
        ScanOutcome outcome = ScanTestKit.pipeline()
                .classifier(new ScriptedClassifier(request -> null))
                .build()
                .scan("x.png");

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Failed.class, failed -> {
            assertThat(failed.step()).isEqualTo(Step.VISION);
            assertThat(failed.kind()).isEqualTo(FailureKind.INTERNAL_ERROR);
        });
    }

    @Test
    void a_deadline_passed_during_vision_stops_the_scan_before_the_next_step() {
        ManualClock clock = ManualClock.startingNow();
        ScriptedClassifier slow = new ScriptedClassifier(request -> {
            clock.advance(Duration.ofSeconds(56));
            return milkCarton.classify(request);
        });
        TestPipeline pipeline = ScanTestKit.pipeline()
                .clock(clock)
                .deadline(Duration.ofSeconds(55))
                .classifier(slow)
                .answers(cleanAnswers)
                .build();

        ScanOutcome outcome = pipeline.scan("milk.png");

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Failed.class, failed -> {
            assertThat(failed.step()).isEqualTo(Step.RAG);
            assertThat(failed.kind()).isEqualTo(FailureKind.DEADLINE_EXCEEDED);
        });
        assertThat(cleanAnswers.calls()).isZero();
        assertThat(outcome.timings()).extracting(StepEvent::step).containsExactly(Step.VISION);
    }

    @Test
    void a_port_that_ignores_the_deadline_is_abandoned_at_it() {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .deadline(Duration.ofMillis(200))
                .classifier(ScriptedClassifier.hangingUntilInterrupted())
                .answers(cleanAnswers)
                .build();

        ScanOutcome outcome = pipeline.scan("milk.png");

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Failed.class, failed -> {
            assertThat(failed.step()).isEqualTo(Step.VISION);
            assertThat(failed.kind()).isEqualTo(FailureKind.DEADLINE_EXCEEDED);
        });
        assertThat(cleanAnswers.calls()).isZero();
    }

    @Test
    void a_deadline_reached_before_the_reward_leaves_the_reward_unavailable() {
        ManualClock clock = ManualClock.startingNow();
        InMemoryRewards rewards =
                new InMemoryRewards(dev.ecoscan.data.KnowledgeBase.embedded().characters());
        CannedAnswers slowAnswers = new CannedAnswers(request -> {
            clock.advance(Duration.ofMinutes(1));
            return cleanAnswers.answer(request);
        });
        TestPipeline pipeline = ScanTestKit.pipeline()
                .clock(clock)
                .classifier(milkCarton)
                .answers(slowAnswers)
                .rewards(rewards)
                .build();

        ScanOutcome outcome = pipeline.scan("milk.png");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        done -> assertThat(done.reward())
                                .isInstanceOfSatisfying(
                                        RewardOutcome.Unavailable.class,
                                        u -> assertThat(u.reason()).contains("deadline")));
        assertThat(rewards.calls()).isZero();
    }

    @Test
    void the_question_and_the_deadline_reach_the_ports() {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(milkCarton)
                .answers(cleanAnswers)
                .build();
        ScanRequest request = pipeline.request("milk.png", "빨대는 어떻게 하나요?");

        pipeline.scan(request);

        assertThat(milkCarton.requests()).singleElement().satisfies(r -> {
            assertThat(r.question()).contains("빨대는 어떻게 하나요?");
            assertThat(r.deadline()).isEqualTo(request.deadline());
        });
        assertThat(cleanAnswers.requests()).singleElement().satisfies(r -> {
            assertThat(r.question()).contains("빨대는 어떻게 하나요?");
            assertThat(r.rule().key().value()).isEqualTo("재활용폐기물_종이팩");
        });
    }

    @Test
    void concurrent_scans_each_get_only_their_own_timings() throws Exception {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(milkCarton)
                .answers(cleanAnswers)
                .build();
        List<ScanOutcome> outcomes;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ScanOutcome>> futures = IntStream.range(0, 500)
                    .mapToObj(i -> threads.submit(() -> pipeline.scan("milk.png")))
                    .toList();
            outcomes = futures.stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    })
                    .toList();
        }

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.timings()).extracting(StepEvent::step).containsExactlyElementsOf(ALL_STEPS);
            assertThat(outcome.timings()).extracting(StepEvent::scanId).containsOnly(outcome.scanId());
        });
        assertThat(outcomes).extracting(ScanOutcome::scanId).doesNotHaveDuplicates();
        assertThat(pipeline.recorder().events()).hasSize(500 * ALL_STEPS.size());
    }

    @Test
    void scan_ids_are_the_callers() {
        TestPipeline pipeline = ScanTestKit.pipeline().classifier(milkCarton).build();
        ScanRequest request = pipeline.request("milk.png", null);

        assertThat(pipeline.scan(request).scanId()).isEqualTo(request.id());
    }
}
