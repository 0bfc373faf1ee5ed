package dev.ecoscan.application.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.port.JobRecorder;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.ManualClock;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The embedded job queue on a real pipeline: progress from each job's own step events, idempotency, bounds. */
class InProcessJobQueueTest {

    private static final List<JobStage> EVERY_STAGE =
            List.of(JobStage.VISION, JobStage.RAG, JobStage.ANSWER, JobStage.REWARD_MATCH, JobStage.DONE);

    @Test
    void a_job_moves_through_every_stage_and_ends_with_its_outcome() throws Exception {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                .answers(CannedAnswers.clean())
                .build();
        InProcessJobQueue jobs = queue(pipeline, 10);

        JobQueue.Submission submission = jobs.submit(pipeline.request("milk.png", null), Optional.empty());
        Job job = ((JobQueue.Submission.Accepted) submission).job();
        List<JobEvent> events = drain(jobs, job);

        assertThat(events)
                .extracting(JobEvent::stage)
                .containsExactly(JobStage.VISION, JobStage.RAG, JobStage.ANSWER, JobStage.REWARD_MATCH, JobStage.DONE);
        assertThat(events).extracting(JobEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(events.getLast().outcome())
                .hasValueSatisfying(o -> assertThat(o).isInstanceOf(ScanOutcome.Completed.class));
        assertThat(jobs.find(job.id()).orElseThrow().outcome()).isPresent();
        assertThat(jobs.unfinished()).isZero();
    }

    @Test
    void the_answer_text_is_kept_in_the_answer_stage_in_order_and_a_resuming_client_gets_the_rest() throws Exception {
        CannedAnswers whole = CannedAnswers.clean();
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                .answers(request -> {
                    request.stream().send(new AnswerDelta(request.scanId(), "깨끗하게 ", false));
                    request.stream().send(new AnswerDelta(request.scanId(), "준비됐어요.", false));
                    return whole.answer(request);
                })
                .build();
        InProcessJobQueue jobs = queue(pipeline, 10);

        Job job = ((JobQueue.Submission.Accepted) jobs.submit(pipeline.request("milk.png", "뚜껑은요?"), Optional.empty()))
                .job();
        List<JobEvent> events = drain(jobs, job);

        assertThat(events).extracting(JobEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(events)
                .extracting(e ->
                        e.answerDelta().map(AnswerDelta::text).orElse(e.stage().label()))
                .containsExactly("vision", "rag", "answer", "깨끗하게 ", "준비됐어요.", "reward_match", "done");
        assertThat(jobs.awaitEvents(job.id(), 4, Duration.ZERO))
                .extracting(JobEvent::id)
                .containsExactly(5L, 6L, 7L);
    }

    @Test
    void a_rejected_scan_skips_to_done() throws Exception {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.unclassifiable("blurry"))
                .build();
        InProcessJobQueue jobs = queue(pipeline, 10);

        Job job = ((JobQueue.Submission.Accepted) jobs.submit(pipeline.request("x.png", null), Optional.empty())).job();

        assertThat(drain(jobs, job)).extracting(JobEvent::stage).containsExactly(JobStage.VISION, JobStage.DONE);
    }

    @Test
    void a_job_held_in_vision_shows_none_of_the_stages_of_a_job_that_ran_meanwhile() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<ScanId> heldId = new AtomicReference<>();
        ScriptedClassifier milk = ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩");
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(new ScriptedClassifier(request -> {
                    if (request.scanId().equals(heldId.get())) {
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return new ClassifierVerdict.Unclassifiable("blurry");
                    }
                    return milk.classify(request);
                }))
                .answers(CannedAnswers.clean())
                .build();
        InProcessJobQueue jobs = queue(pipeline, 10);
        ScanRequest heldRequest = pipeline.request("held.png", null);
        heldId.set(heldRequest.id());
        Job held = ((JobQueue.Submission.Accepted) jobs.submit(heldRequest, Optional.empty())).job();
        Job quick = ((JobQueue.Submission.Accepted) jobs.submit(pipeline.request("milk.png", null), Optional.empty()))
                .job();

        List<JobEvent> quickEvents = drain(jobs, quick);
        List<JobEvent> heldSoFar = jobs.awaitEvents(held.id(), 0, Duration.ZERO);
        release.countDown();

        assertThat(quickEvents).extracting(JobEvent::stage).containsExactly(EVERY_STAGE.toArray(JobStage[]::new));
        assertThat(heldSoFar).extracting(JobEvent::stage).containsExactly(JobStage.VISION);
        assertThat(drain(jobs, held)).extracting(JobEvent::stage).containsExactly(JobStage.VISION, JobStage.DONE);
    }

    @Test
    void the_same_idempotency_key_returns_the_same_job_and_runs_one_scan() throws Exception {
        ScriptedClassifier classifier = ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩");
        TestPipeline pipeline = ScanTestKit.pipeline().classifier(classifier).build();
        InProcessJobQueue jobs = queue(pipeline, 10);

        JobQueue.Submission first = jobs.submit(pipeline.request("milk.png", null), Optional.of("key-1"));
        JobQueue.Submission again = jobs.submit(pipeline.request("milk.png", null), Optional.of("key-1"));
        JobQueue.Submission other = jobs.submit(pipeline.request("milk.png", null), Optional.of("key-2"));

        Job job = ((JobQueue.Submission.Accepted) first).job();
        assertThat(again).isInstanceOfSatisfying(JobQueue.Submission.Accepted.class, accepted -> {
            assertThat(accepted.repeated()).isTrue();
            assertThat(accepted.job().id()).isEqualTo(job.id());
        });
        assertThat(((JobQueue.Submission.Accepted) other).job().id()).isNotEqualTo(job.id());
        drain(jobs, job);
        drain(jobs, ((JobQueue.Submission.Accepted) other).job());
        assertThat(classifier.calls()).isEqualTo(2);
    }

    @Test
    void past_its_capacity_the_queue_refuses() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ScriptedClassifier blocking = new ScriptedClassifier(request -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ClassifierVerdict.Unclassifiable("released");
        });
        TestPipeline pipeline = ScanTestKit.pipeline().classifier(blocking).build();
        InProcessJobQueue jobs = queue(pipeline, 1);

        JobQueue.Submission first = jobs.submit(pipeline.request("a.png", null), Optional.empty());
        JobQueue.Submission second = jobs.submit(pipeline.request("b.png", null), Optional.empty());

        assertThat(first).isInstanceOf(JobQueue.Submission.Accepted.class);
        assertThat(second).isInstanceOf(JobQueue.Submission.Refused.class);
        release.countDown();
        drain(jobs, ((JobQueue.Submission.Accepted) first).job());
        assertThat(jobs.submit(pipeline.request("c.png", null), Optional.empty()))
                .isInstanceOf(JobQueue.Submission.Accepted.class);
    }

    @Test
    void a_client_resuming_after_an_event_gets_only_the_later_ones() throws Exception {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                .build();
        InProcessJobQueue jobs = queue(pipeline, 10);
        Job job = ((JobQueue.Submission.Accepted) jobs.submit(pipeline.request("milk.png", null), Optional.empty()))
                .job();
        drain(jobs, job);

        assertThat(jobs.awaitEvents(job.id(), 3, Duration.ZERO))
                .extracting(JobEvent::id)
                .containsExactly(4L, 5L);
        assertThat(jobs.awaitEvents(job.id(), 5, Duration.ofMillis(10))).isEmpty();
    }

    @Test
    void past_the_retention_count_the_oldest_finished_jobs_and_their_idempotency_keys_are_forgotten_first()
            throws Exception {
        ScriptedClassifier classifier = ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩");
        TestPipeline pipeline = ScanTestKit.pipeline().classifier(classifier).build();
        InProcessJobQueue jobs = queue(pipeline, 10, new JobRetention(Duration.ofHours(1), 2));

        List<Job> finished = new ArrayList<>();
        for (String key : List.of("first", "second", "third")) {
            Job job = ((JobQueue.Submission.Accepted) jobs.submit(pipeline.request("milk.png", null), Optional.of(key)))
                    .job();
            drain(jobs, job);
            finished.add(job);
        }

        assertThat(jobs.find(finished.get(0).id())).isEmpty();
        assertThat(jobs.find(finished.get(1).id())).isPresent();
        assertThat(jobs.find(finished.get(2).id())).isPresent();
        assertThat(jobs.retained()).isEqualTo(2);
        // The second key still holds; the first went with its job, so the same key again is a new scan.
        JobQueue.Submission secondAgain = jobs.submit(pipeline.request("milk.png", null), Optional.of("second"));
        JobQueue.Submission firstAgain = jobs.submit(pipeline.request("milk.png", null), Optional.of("first"));
        assertThat(secondAgain).isInstanceOfSatisfying(JobQueue.Submission.Accepted.class, accepted -> {
            assertThat(accepted.repeated()).isTrue();
            assertThat(accepted.job().id()).isEqualTo(finished.get(1).id());
        });
        assertThat(firstAgain)
                .isInstanceOfSatisfying(
                        JobQueue.Submission.Accepted.class,
                        accepted -> assertThat(accepted.repeated()).isFalse());
        drain(jobs, ((JobQueue.Submission.Accepted) firstAgain).job());
        assertThat(classifier.calls()).isEqualTo(4);
    }

    @Test
    void past_the_retention_age_a_finished_job_and_its_idempotency_key_are_forgotten() throws Exception {
        ManualClock clock = ManualClock.startingNow();
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.unclassifiable("blurry"))
                .build();
        InProcessJobQueue jobs = new InProcessJobQueue(
                pipeline, 10, new JobRetention(Duration.ofMinutes(10), 100), clock, JobRecorder.none());
        Job old =
                ((JobQueue.Submission.Accepted) jobs.submit(pipeline.request("x.png", null), Optional.of("key"))).job();
        drain(jobs, old);

        clock.advance(Duration.ofMinutes(11));
        JobQueue.Submission again = jobs.submit(pipeline.request("x.png", null), Optional.of("key"));

        assertThat(jobs.find(old.id())).isEmpty();
        assertThat(again).isInstanceOfSatisfying(JobQueue.Submission.Accepted.class, accepted -> {
            assertThat(accepted.repeated()).isFalse();
            assertThat(accepted.job().id()).isNotEqualTo(old.id());
        });
    }

    @Test
    void a_client_waiting_on_a_job_that_is_forgotten_is_woken_within_a_second() throws Exception {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.unclassifiable("blurry"))
                .build();
        InProcessJobQueue jobs = queue(pipeline, 10, new JobRetention(Duration.ofHours(1), 1));
        Job first =
                ((JobQueue.Submission.Accepted) jobs.submit(pipeline.request("a.png", null), Optional.empty())).job();
        long done = drain(jobs, first).getLast().id();
        // Waiting past the done event, as a stream resumed with a later Last-Event-ID does.
        FutureTask<List<JobEvent>> waiting =
                new FutureTask<>(() -> jobs.awaitEvents(first.id(), done, Duration.ofMinutes(1)));
        Thread waiter = Thread.ofVirtual().start(waiting);
        awaitState(waiter, Thread.State.TIMED_WAITING);

        Job second =
                ((JobQueue.Submission.Accepted) jobs.submit(pipeline.request("b.png", null), Optional.empty())).job();
        drain(jobs, second);

        assertThat(waiting.get(1, TimeUnit.SECONDS)).isEmpty();
        assertThat(jobs.find(first.id())).isEmpty();
    }

    @Test
    void a_client_waiting_for_events_waits_on_a_condition_and_holds_no_monitor() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ScriptedClassifier blocking = new ScriptedClassifier(request -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ClassifierVerdict.Unclassifiable("released");
        });
        TestPipeline pipeline = ScanTestKit.pipeline().classifier(blocking).build();
        InProcessJobQueue jobs = queue(pipeline, 10);
        Job job = ((JobQueue.Submission.Accepted) jobs.submit(pipeline.request("a.png", null), Optional.empty())).job();
        // A platform thread, which the management interface can see (it does not list virtual threads).
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                jobs.awaitEvents(job.id(), 1, Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            ThreadInfo info = threads.getThreadInfo(new long[] {waiter.threadId()}, true, true)[0];
            while (info.getThreadState() != Thread.State.TIMED_WAITING && System.nanoTime() < until) {
                Thread.onSpinWait();
                info = threads.getThreadInfo(new long[] {waiter.threadId()}, true, true)[0];
            }

            assertThat(info.getThreadState()).isEqualTo(Thread.State.TIMED_WAITING);
            assertThat(info.getLockedMonitors()).isEmpty();
            assertThat(info.getLockInfo().getClassName()).endsWith("ConditionObject");
        } finally {
            release.countDown();
            waiter.join();
        }
    }

    private InProcessJobQueue queue(TestPipeline pipeline, int capacity) {
        return new InProcessJobQueue(pipeline, capacity, Duration.ofHours(1), Clock.systemUTC());
    }

    private InProcessJobQueue queue(TestPipeline pipeline, int capacity, JobRetention retention) {
        return new InProcessJobQueue(pipeline, capacity, retention, Clock.systemUTC(), JobRecorder.none());
    }

    private static void awaitState(Thread thread, Thread.State state) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != state && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(thread.getState()).as("the waiter's state within 5 s").isEqualTo(state);
    }

    /** Follows a job's events until done, as an event stream client would. */
    private static List<JobEvent> drain(InProcessJobQueue jobs, Job job) throws InterruptedException {
        List<JobEvent> seen = new ArrayList<>();
        long last = 0;
        while (seen.isEmpty() || !seen.getLast().done()) {
            List<JobEvent> fresh = jobs.awaitEvents(job.id(), last, Duration.ofSeconds(10));
            assertThat(fresh).as("events within 10 s").isNotEmpty();
            seen.addAll(fresh);
            last = fresh.getLast().id();
        }
        return seen;
    }
}
