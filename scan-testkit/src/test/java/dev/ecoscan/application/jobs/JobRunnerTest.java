package dev.ecoscan.application.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.JobRecorder;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one job runner of both queues, on a real pipeline: each job hears its own scan, and only it. */
@Timeout(30)
class JobRunnerTest {

    private final RecordingJobs recorder = new RecordingJobs();

    @Test
    void two_jobs_running_at_once_on_one_pipeline_each_get_only_their_own_progress() throws Exception {
        AtomicReference<ScanId> heldId = new AtomicReference<>();
        CountDownLatch heldInVision = new CountDownLatch(1);
        CountDownLatch otherFinished = new CountDownLatch(1);
        ScriptedClassifier milk = ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩");
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(new ScriptedClassifier(request -> {
                    if (!request.scanId().equals(heldId.get())) {
                        return milk.classify(request);
                    }
                    // Held in its vision step while the other job runs every step of its own.
                    heldInVision.countDown();
                    await(otherFinished);
                    return new ClassifierVerdict.Unclassifiable("blurry");
                }))
                .answers(CannedAnswers.clean())
                .deadline(Duration.ofMinutes(1))
                .build();
        JobRunner runner = new JobRunner(pipeline, recorder, Clock.systemUTC());
        RecordingJob held = new RecordingJob(pipeline.request("held.png", null));
        RecordingJob quick = new RecordingJob(pipeline.request("milk.png", null));
        heldId.set(held.request().id());

        CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> runner.run(held));
        assertThat(heldInVision.await(10, TimeUnit.SECONDS))
                .as("held job in vision")
                .isTrue();
        runner.run(quick);
        otherFinished.countDown();
        holding.get(10, TimeUnit.SECONDS);

        assertThat(quick.entered)
                .containsExactly(JobStage.VISION, JobStage.RAG, JobStage.ANSWER, JobStage.REWARD_MATCH);
        assertThat(quick.outcome.get()).isInstanceOf(ScanOutcome.Completed.class);
        // Had the quick job's steps reached it, it would have entered rag, answer and reward_match too.
        assertThat(held.entered).containsExactly(JobStage.VISION);
        assertThat(held.outcome.get()).isInstanceOf(ScanOutcome.Rejected.class);
        assertThat(recorder.finished).hasSize(2);
    }

    @Test
    void the_answer_text_reaches_the_job_as_it_is_written_between_the_answer_and_reward_stages() {
        CannedAnswers whole = CannedAnswers.clean();
        AnswerGenerator streaming = request -> {
            request.stream().send(new AnswerDelta(request.scanId(), "깨끗하게 ", false));
            request.stream().send(new AnswerDelta(request.scanId(), "다시 ", true));
            request.stream().send(new AnswerDelta(request.scanId(), "잘 준비됐어요.", false));
            return whole.answer(request);
        };
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                .answers(streaming)
                .build();
        RecordingJob job = new RecordingJob(pipeline.request("milk.png", "뚜껑은요?"));

        new JobRunner(pipeline, recorder, Clock.systemUTC()).run(job);

        assertThat(job.changes)
                .containsExactly(
                        "vision", "rag", "answer", "text:깨끗하게 ", "text:다시  (restart)", "text:잘 준비됐어요.", "reward_match");
        assertThat(job.outcome.get()).isInstanceOf(ScanOutcome.Completed.class);
    }

    @Test
    void a_scan_that_throws_ends_its_job_as_an_internal_error_counted_once() {
        ScanWaste broken = (request, progress) -> {
            throw new IllegalStateException("a bug");
        };
        RecordingJob job = new RecordingJob(ScanTestKit.pipeline().build().request("x.png", null));

        new JobRunner(broken, recorder, Clock.systemUTC()).run(job);

        assertThat(job.entered).containsExactly(JobStage.VISION);
        assertThat(job.outcome.get()).isInstanceOfSatisfying(ScanOutcome.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.INTERNAL_ERROR);
            assertThat(failed.detail()).contains("a bug");
        });
        assertThat(recorder.finished).containsExactly(job.outcome.get());
        assertThat(recorder.waits).hasSize(1);
    }

    @Test
    void an_outcome_the_store_already_had_is_not_counted() {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.unclassifiable("blurry"))
                .build();
        RecordingJob answeredElsewhere = new RecordingJob(pipeline.request("x.png", null)) {
            @Override
            public void finish(ScanOutcome outcome, Runnable answered) {
                this.outcome.set(outcome);
            }
        };

        new JobRunner(pipeline, recorder, Clock.systemUTC()).run(answeredElsewhere);

        assertThat(answeredElsewhere.outcome.get()).isInstanceOf(ScanOutcome.Rejected.class);
        assertThat(recorder.finished).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A job whose store keeps every stage it is told to enter, even one it passed, and its outcome. */
    private static class RecordingJob implements RunningJob {

        final List<JobStage> entered = new CopyOnWriteArrayList<>();
        /** Stages and answer text, in the order they reached the job. */
        final List<String> changes = new CopyOnWriteArrayList<>();

        final AtomicReference<ScanOutcome> outcome = new AtomicReference<>();
        private final ScanRequest request;

        RecordingJob(ScanRequest request) {
            this.request = request;
        }

        @Override
        public ScanRequest request() {
            return request;
        }

        @Override
        public Instant submittedAt() {
            return Instant.now();
        }

        @Override
        public void enter(JobStage stage) {
            entered.add(stage);
            changes.add(stage.label());
        }

        @Override
        public void answerText(AnswerDelta delta) {
            changes.add("text:" + delta.text() + (delta.restart() ? " (restart)" : ""));
        }

        @Override
        public void finish(ScanOutcome outcome, Runnable answered) {
            answered.run();
            this.outcome.set(outcome);
        }
    }

    private static final class RecordingJobs implements JobRecorder {

        final List<Duration> waits = new CopyOnWriteArrayList<>();
        final List<ScanOutcome> finished = new CopyOnWriteArrayList<>();

        @Override
        public void started(Duration waited) {
            waits.add(waited);
        }

        @Override
        public void finished(ScanOutcome outcome) {
            finished.add(outcome);
        }

        @Override
        public void redelivered() {}
    }
}
