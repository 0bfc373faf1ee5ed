package dev.ecoscan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.RecordingStepRecorder;
import dev.ecoscan.testkit.ScriptedClassifier;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine on the testkit's fakes: the real pipeline, images, rules and job queue, no model. */
class ScanEngineWithFakesTest {

    private static final UserId USER = new UserId("embedder-user");

    private final RecordingStepRecorder steps = new RecordingStepRecorder();
    private final ScanEngine engine = ScanEngine.builder()
            .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
            .answers(CannedAnswers.fromRule())
            .stepListener(steps)
            .build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void a_scan_of_a_milk_carton_completes_with_the_paper_pack_rule_and_no_reward_store() {
        ScanRequest request = engine.request(Samples.inline("milk-carton.png"), USER, Optional.empty());

        ScanOutcome outcome = engine.scan(request);

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Completed.class, completed -> {
            assertThat(completed.classification().path().display()).contains("종이팩");
            assertThat(completed.reward()).isInstanceOf(RewardOutcome.Unavailable.class);
        });
        assertThat(steps.stepsOf(request.id())).contains(Step.VISION, Step.ANSWER);
    }

    @Test
    void a_submitted_scan_ends_with_the_same_kind_of_outcome() throws InterruptedException {
        ScanRequest request = engine.request(Samples.inline("milk-carton.png"), USER, Optional.of("어떻게 버려요?"));

        JobQueue.Submission submission = engine.submit(request);

        assertThat(submission).isInstanceOf(JobQueue.Submission.Accepted.class);
        assertThat(engine.awaitOutcome(request.id(), Duration.ofSeconds(30)))
                .get()
                .isInstanceOf(ScanOutcome.Completed.class);
        assertThat(engine.job(request.id()).orElseThrow().outcome()).isPresent();
    }

    @Test
    void a_closed_engine_refuses_scans() {
        engine.close();

        assertThatThrownBy(() -> engine.scan(engine.request(Samples.inline("milk-carton.png"), USER, Optional.empty())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
