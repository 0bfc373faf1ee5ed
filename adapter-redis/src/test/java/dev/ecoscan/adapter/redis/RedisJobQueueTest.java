package dev.ecoscan.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.application.jobs.JobRetention;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.TraceParent;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job queue on a real Redis, with API and worker sides as separate connections, as separate processes are. */
class RedisJobQueueTest {

    private static final List<JobStage> EVERY_STAGE =
            List.of(JobStage.VISION, JobStage.RAG, JobStage.ANSWER, JobStage.REWARD_MATCH, JobStage.DONE);
    private static final RedisWorkerSettings QUICK_RECLAIM =
            new RedisWorkerSettings(2, Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5));

    private static RedisServer server;

    /** Each test has keys of its own on the shared server. */
    private final String prefix = "test-" + UUID.randomUUID() + ":";

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeWhatTheTestOpened() throws Exception {
        Collections.reverse(opened);
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void a_submitted_job_is_run_by_a_worker_and_another_api_process_sees_every_stage_and_the_outcome()
            throws Exception {
        RedisJobQueue api = queue(1000);
        RedisJobWorker worker = worker(milkCartons(new ScriptedClassifier[1]), RedisWorkerSettings.defaults(1));
        RedisJobQueue otherApi = queue(1000);

        Job job = accepted(api.submit(request(), Optional.empty()));
        List<JobEvent> events = drain(otherApi, job.id());

        assertThat(job.stage()).isEqualTo(JobStage.QUEUED);
        assertThat(events).extracting(JobEvent::stage).containsExactlyElementsOf(EVERY_STAGE);
        assertThat(events).extracting(JobEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L);
        Job found = otherApi.find(job.id()).orElseThrow();
        assertThat(found.owner()).isEqualTo(TestPipeline.TEST_USER);
        assertThat(found.submittedAt()).isEqualTo(job.submittedAt());
        assertThat(found.outcome())
                .hasValueSatisfying(outcome -> assertThat(outcome)
                        .isInstanceOfSatisfying(
                                ScanOutcome.Completed.class,
                                completed -> assertThat(completed
                                                .classification()
                                                .item()
                                                .orElseThrow()
                                                .name())
                                        .isEqualTo("우유팩")));
        assertThat(worker.completedByOutcome()).isEqualTo(Map.of("completed", 1L));
        eventually(() -> api.queueDepth() == 0 && worker.pending() == 0);
    }

    @Test
    void the_worker_runs_a_job_in_the_trace_of_the_request_that_submitted_it() throws Exception {
        RedisJobQueue api = queue(1000);
        TestPipeline milk = milkCartons(new ScriptedClassifier[1]);
        List<ScanRequest> ran = new CopyOnWriteArrayList<>();
        worker(
                (request, progress) -> {
                    ran.add(request);
                    return milk.scan(request, progress);
                },
                RedisWorkerSettings.defaults(1));
        Optional<TraceParent> trace = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        Job job = accepted(api.submit(request().withTrace(trace), Optional.empty()));
        drain(api, job.id());

        assertThat(ran).extracting(ScanRequest::trace).containsExactly(trace);
    }

    @Test
    void a_rejected_scan_skips_to_done() throws Exception {
        RedisJobQueue api = queue(1000);
        worker(pipeline(ScriptedClassifier.unclassifiable("blurry")), RedisWorkerSettings.defaults(1));

        Job job = accepted(api.submit(request(), Optional.empty()));

        assertThat(drain(api, job.id())).extracting(JobEvent::stage).containsExactly(JobStage.VISION, JobStage.DONE);
    }

    @Test
    void two_jobs_running_at_once_in_one_worker_each_get_only_their_own_stages() throws Exception {
        RedisJobQueue api = queue(1000);
        ScanRequest heldRequest = request();
        CountDownLatch release = new CountDownLatch(1);
        ScriptedClassifier milk = ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩");
        ScriptedClassifier holding = new ScriptedClassifier(request -> {
            if (request.scanId().equals(heldRequest.id())) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new ClassifierVerdict.Unclassifiable("blurry");
            }
            return milk.classify(request);
        });
        worker(pipeline(holding), RedisWorkerSettings.defaults(2));
        Job held = accepted(api.submit(heldRequest, Optional.empty()));
        assertThat(api.awaitEvents(held.id(), 0, Duration.ofSeconds(10)))
                .extracting(JobEvent::stage)
                .containsExactly(JobStage.VISION);

        Job quick = accepted(api.submit(request(), Optional.empty()));
        List<JobEvent> quickEvents = drain(api, quick.id());
        List<JobEvent> heldSoFar = api.awaitEvents(held.id(), 0, Duration.ZERO);
        release.countDown();

        assertThat(quickEvents).extracting(JobEvent::stage).containsExactlyElementsOf(EVERY_STAGE);
        assertThat(heldSoFar).extracting(JobEvent::stage).containsExactly(JobStage.VISION);
        assertThat(drain(api, held.id())).extracting(JobEvent::stage).containsExactly(JobStage.VISION, JobStage.DONE);
    }

    @Test
    void the_same_idempotency_key_returns_the_same_job_and_runs_one_scan() throws Exception {
        RedisJobQueue api = queue(1000);
        ScriptedClassifier[] classifier = new ScriptedClassifier[1];
        worker(milkCartons(classifier), RedisWorkerSettings.defaults(1));

        Job job = accepted(api.submit(request(), Optional.of("key-1")));
        JobQueue.Submission again = api.submit(request(), Optional.of("key-1"));
        drain(api, job.id());

        assertThat(again).isInstanceOfSatisfying(JobQueue.Submission.Accepted.class, accepted -> {
            assertThat(accepted.repeated()).isTrue();
            assertThat(accepted.job().id()).isEqualTo(job.id());
        });
        assertThat(classifier[0].calls()).isEqualTo(1);
        Job other = accepted(api.submit(request(), Optional.of("key-2")));
        assertThat(other.id()).isNotEqualTo(job.id());
        drain(api, other.id());
        assertThat(classifier[0].calls()).isEqualTo(2);
    }

    @Test
    void a_job_whose_worker_dies_before_acknowledging_is_reclaimed_and_completes_exactly_once() throws Exception {
        RedisJobQueue api = queue(1000);
        CountDownLatch never = new CountDownLatch(1);
        ScriptedClassifier stuck = new ScriptedClassifier(request -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ClassifierVerdict.Unclassifiable("the worker died");
        });
        RedisJobWorker dying = worker(
                pipeline(stuck),
                new RedisWorkerSettings(1, Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ZERO));
        try {
            Job job = accepted(api.submit(request(), Optional.empty()));
            assertThat(api.awaitEvents(job.id(), 0, Duration.ofSeconds(10)))
                    .extracting(JobEvent::stage)
                    .containsExactly(JobStage.VISION);
            dying.close();

            RedisJobWorker survivor = worker(milkCartons(new ScriptedClassifier[1]), QUICK_RECLAIM);
            List<JobEvent> events = drain(api, job.id());

            assertThat(events).extracting(JobEvent::stage).containsExactlyElementsOf(EVERY_STAGE);
            assertThat(events).extracting(JobEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(survivor.redeliveries()).isEqualTo(1);
            assertThat(dying.completedByOutcome()).isEmpty();
            eventually(() -> api.queueDepth() == 0 && survivor.pending() == 0);
            assertThat(api.find(job.id()).orElseThrow().events())
                    .filteredOn(JobEvent::done)
                    .hasSize(1);
        } finally {
            never.countDown();
        }
    }

    @Test
    void a_job_running_longer_than_the_reclaim_time_on_a_live_worker_is_not_taken_over() throws Exception {
        RedisJobQueue api = queue(1000);
        ScriptedClassifier milk = ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩");
        ScriptedClassifier slow = new ScriptedClassifier(request -> {
            try {
                Thread.sleep(Duration.ofMillis(2500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return milk.classify(request);
        });
        // This worker would never reclaim on its own (30 s), but renews its claim every 200 ms.
        worker(
                pipeline(slow),
                new RedisWorkerSettings(1, Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(5)));
        Job job = accepted(api.submit(request(), Optional.empty()));
        assertThat(api.awaitEvents(job.id(), 0, Duration.ofSeconds(10)))
                .extracting(JobEvent::stage)
                .containsExactly(JobStage.VISION);

        ScriptedClassifier[] otherClassifier = new ScriptedClassifier[1];
        RedisJobWorker other = worker(milkCartons(otherClassifier), QUICK_RECLAIM);
        List<JobEvent> events = drain(api, job.id());

        assertThat(events).extracting(JobEvent::stage).containsExactlyElementsOf(EVERY_STAGE);
        assertThat(other.redeliveries()).isZero();
        assertThat(otherClassifier[0].calls()).isZero();
        assertThat(slow.calls()).isEqualTo(1);
    }

    @Test
    void a_repeated_submission_gets_its_job_back_even_when_the_queue_is_full() {
        RedisJobQueue api = queue(1);

        Job job = accepted(api.submit(request(), Optional.of("key-1")));

        assertThat(api.submit(request(), Optional.of("key-1")))
                .isInstanceOfSatisfying(
                        JobQueue.Submission.Accepted.class,
                        accepted -> assertThat(accepted.job().id()).isEqualTo(job.id()));
        assertThat(api.submit(request(), Optional.of("key-2"))).isInstanceOf(JobQueue.Submission.Refused.class);
    }

    @Test
    void fifty_jobs_over_two_workers_each_complete_exactly_once() throws Exception {
        RedisJobQueue api = queue(1000);
        RedisJobWorker first = worker(milkCartons(new ScriptedClassifier[1]), QUICK_RECLAIM);
        RedisJobWorker second = worker(milkCartons(new ScriptedClassifier[1]), QUICK_RECLAIM);

        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            jobs.add(accepted(api.submit(request(), Optional.empty())));
        }
        for (Job job : jobs) {
            assertThat(drain(api, job.id())).extracting(JobEvent::stage).containsExactlyElementsOf(EVERY_STAGE);
        }

        for (Job job : jobs) {
            assertThat(api.find(job.id()).orElseThrow().events())
                    .filteredOn(JobEvent::done)
                    .hasSize(1);
        }
        long completed = first.completedByOutcome().getOrDefault("completed", 0L)
                + second.completedByOutcome().getOrDefault("completed", 0L);
        assertThat(completed).isEqualTo(50);
        eventually(() -> api.queueDepth() == 0);
    }

    @Test
    void past_its_bound_the_queue_refuses() {
        RedisJobQueue api = queue(1);

        assertThat(api.submit(request(), Optional.empty())).isInstanceOf(JobQueue.Submission.Accepted.class);
        assertThat(api.submit(request(), Optional.empty()))
                .isInstanceOfSatisfying(
                        JobQueue.Submission.Refused.class,
                        refused -> assertThat(refused.reason()).contains("limit of 1"));
    }

    @Test
    void the_answer_text_is_kept_between_the_answer_and_reward_stages_in_order_and_resumable() throws Exception {
        RedisJobQueue api = queue(1000);
        CannedAnswers whole = CannedAnswers.clean();
        TestPipeline streaming = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                .answers(request -> {
                    request.stream().send(new AnswerDelta(request.scanId(), "깨끗하게 \"잘\"", false));
                    request.stream().send(new AnswerDelta(request.scanId(), "다시 ", true));
                    request.stream().send(new AnswerDelta(request.scanId(), "준비됐어요.", false));
                    return whole.answer(request);
                })
                .build();
        worker(streaming, RedisWorkerSettings.defaults(1));

        Job job = accepted(api.submit(request(), Optional.empty()));
        List<JobEvent> events = drain(api, job.id());

        assertThat(events).extracting(JobEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(events)
                .extracting(JobEvent::stage)
                .containsExactly(
                        JobStage.VISION,
                        JobStage.RAG,
                        JobStage.ANSWER,
                        JobStage.ANSWER,
                        JobStage.ANSWER,
                        JobStage.ANSWER,
                        JobStage.REWARD_MATCH,
                        JobStage.DONE);
        assertThat(api.awaitEvents(job.id(), 4, Duration.ZERO))
                .extracting(event -> event.answerDelta().map(d -> d.text() + (d.restart() ? "|restart" : "")))
                .containsExactly(Optional.of("다시 |restart"), Optional.of("준비됐어요."), Optional.empty(), Optional.empty());
        assertThat(events.get(3).answerDelta().orElseThrow().text()).isEqualTo("깨끗하게 \"잘\"");
    }

    @Test
    void a_client_resuming_after_an_event_gets_only_the_later_ones() throws Exception {
        RedisJobQueue api = queue(1000);
        worker(milkCartons(new ScriptedClassifier[1]), RedisWorkerSettings.defaults(1));
        Job job = accepted(api.submit(request(), Optional.empty()));
        drain(api, job.id());

        assertThat(api.awaitEvents(job.id(), 3, Duration.ZERO))
                .extracting(JobEvent::id)
                .containsExactly(4L, 5L);
        assertThat(api.awaitEvents(job.id(), 5, Duration.ofMillis(100))).isEmpty();
    }

    @Test
    void an_unknown_job_is_not_found_and_has_no_events() throws Exception {
        RedisJobQueue api = queue(1000);

        assertThat(api.find(ScanId.random())).isEmpty();
        assertThat(api.awaitEvents(ScanId.random(), 0, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void an_inline_image_and_a_question_reach_the_worker_unchanged() throws Exception {
        RedisJobQueue api = queue(1000);
        ScriptedClassifier[] classifier = new ScriptedClassifier[1];
        worker(milkCartons(classifier), RedisWorkerSettings.defaults(1));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        ScanRequest base = request();
        ScanRequest inline = new ScanRequest(
                base.id(),
                new ImageReference.Inline(png, "image/png"),
                Optional.of("씻어야 하나요?"),
                base.user(),
                base.deadline());

        Job job = accepted(api.submit(inline, Optional.empty()));
        drain(api, job.id());

        assertThat(job.question()).contains("씻어야 하나요?");
        assertThat(classifier[0].requests())
                .singleElement()
                .satisfies(seen -> assertThat(seen.toString()).contains("씻어야 하나요?"));
    }

    @Test
    void past_the_retention_count_the_oldest_finished_jobs_and_their_idempotency_keys_are_forgotten_first()
            throws Exception {
        JobRetention two = new JobRetention(Duration.ofHours(1), 2);
        RedisJobQueue api = queue(1000, two);
        ScriptedClassifier[] classifier = new ScriptedClassifier[1];
        worker(milkCartons(classifier), RedisWorkerSettings.defaults(1), two);

        List<Job> finished = new ArrayList<>();
        for (String key : List.of("first", "second", "third")) {
            Job job = accepted(api.submit(request(), Optional.of(key)));
            drain(api, job.id());
            finished.add(job);
        }

        assertThat(api.find(finished.get(0).id())).isEmpty();
        assertThat(api.find(finished.get(1).id())).isPresent();
        assertThat(api.find(finished.get(2).id())).isPresent();
        RedisCommands<String, String> redis = api.store().commands();
        assertThat(redis.zrange(api.store().keys().finished(), 0, -1))
                .containsExactly(
                        finished.get(1).id().toString(), finished.get(2).id().toString());
        assertThat(redis.exists(api.store().keys().idempotency(TestPipeline.TEST_USER, "first")))
                .isZero();
        assertThat(api.submit(request(), Optional.of("second")))
                .isInstanceOfSatisfying(JobQueue.Submission.Accepted.class, accepted -> {
                    assertThat(accepted.repeated()).isTrue();
                    assertThat(accepted.job().id()).isEqualTo(finished.get(1).id());
                });
        assertThat(api.submit(request(), Optional.of("first")))
                .isInstanceOfSatisfying(
                        JobQueue.Submission.Accepted.class,
                        accepted -> assertThat(accepted.repeated()).isFalse());
    }

    @Test
    void a_reader_waiting_on_a_job_that_is_forgotten_is_woken_within_a_second() throws Exception {
        JobRetention one = new JobRetention(Duration.ofHours(1), 1);
        RedisJobQueue api = queue(1000, one);
        worker(pipeline(ScriptedClassifier.unclassifiable("blurry")), RedisWorkerSettings.defaults(1), one);
        Job first = accepted(api.submit(request(), Optional.empty()));
        long done = drain(api, first.id()).getLast().id();
        // Waiting past the done event, as a stream resumed with a later Last-Event-ID does.
        FutureTask<List<JobEvent>> waiting =
                new FutureTask<>(() -> api.awaitEvents(first.id(), done, Duration.ofMinutes(1)));
        Thread.ofVirtual().start(waiting);
        eventually(() -> blockedInXread(api) == 1);

        Job second = accepted(api.submit(request(), Optional.empty()));
        drain(api, second.id());

        assertThat(waiting.get(1, TimeUnit.SECONDS)).isEmpty();
        assertThat(api.find(first.id())).isEmpty();
    }

    @Test
    void a_reader_waiting_on_a_job_whose_record_expired_is_told_within_about_a_second() throws Exception {
        RedisJobQueue api = queue(1000);
        Job job = accepted(api.submit(request(), Optional.empty()));
        FutureTask<List<JobEvent>> waiting =
                new FutureTask<>(() -> api.awaitEvents(job.id(), 0, Duration.ofMinutes(1)));
        Thread.ofVirtual().start(waiting);
        eventually(() -> blockedInXread(api) == 1);

        // What a TTL running out does: the keys go, and no reader is woken.
        api.store().forget(job.id());

        assertThat(waiting.get(1500, TimeUnit.MILLISECONDS)).isEmpty();
    }

    @Test
    void waiting_for_events_that_do_not_come_blocks_in_redis_instead_of_polling() throws Exception {
        RedisJobQueue api = queue(1000);
        // No worker: the job stays queued, with no events.
        Job job = accepted(api.submit(request(), Optional.empty()));
        // Opens the connection of the blocking reads (its handshake is commands too), kept for the next read.
        api.awaitEvents(job.id(), 0, Duration.ofMillis(10));
        long before = commandsProcessed(api);

        long started = System.nanoTime();
        List<JobEvent> events = api.awaitEvents(job.id(), 0, Duration.ofSeconds(2));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        // The first INFO is counted too. Polling every 50 ms made about 80 calls in these 2 s; blocking
        // a second at a time makes an EXISTS and an XREAD a second.
        long calls = commandsProcessed(api) - before - 1;
        assertThat(events).isEmpty();
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(calls).as("Redis calls while waiting 2 s").isLessThanOrEqualTo(6);
    }

    @Test
    void a_blocking_read_from_an_event_returns_the_later_ones_at_once() throws Exception {
        RedisJobQueue api = queue(1000);
        worker(milkCartons(new ScriptedClassifier[1]), RedisWorkerSettings.defaults(1));
        Job job = accepted(api.submit(request(), Optional.empty()));
        drain(api, job.id());

        long started = System.nanoTime();
        List<JobEvent> later = api.awaitEvents(job.id(), 2, Duration.ofSeconds(30));

        assertThat(later).extracting(JobEvent::id).containsExactly(3L, 4L, 5L);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    private RedisJobQueue queue(long maxQueued) {
        RedisJobs redis = open(new RedisJobs(server.url(), prefix, Duration.ofSeconds(2)));
        return new RedisJobQueue(
                redis,
                KnowledgeBase.embedded().guide(),
                KnowledgeBase.embedded().characters(),
                maxQueued,
                Duration.ofHours(1),
                Clock.systemUTC());
    }

    private RedisJobQueue queue(long maxQueued, JobRetention retention) {
        RedisJobs redis = open(new RedisJobs(server.url(), prefix, Duration.ofSeconds(2)));
        return new RedisJobQueue(
                redis,
                KnowledgeBase.embedded().guide(),
                KnowledgeBase.embedded().characters(),
                maxQueued,
                retention,
                4,
                Clock.systemUTC());
    }

    /** A worker process of its own: its own connection, its own pipeline. */
    private RedisJobWorker worker(ScanWaste pipeline, RedisWorkerSettings settings) {
        return worker(pipeline, settings, JobRetention.defaults());
    }

    /** A worker whose store keeps finished jobs as {@code retention} says: the worker trims when a job finishes. */
    private RedisJobWorker worker(ScanWaste pipeline, RedisWorkerSettings settings, JobRetention retention) {
        RedisJobs redis = open(new RedisJobs(server.url(), prefix, Duration.ofSeconds(2)));
        RedisJobQueue store = new RedisJobQueue(
                redis,
                KnowledgeBase.embedded().guide(),
                KnowledgeBase.embedded().characters(),
                1000,
                retention,
                4,
                Clock.systemUTC());
        return open(new RedisJobWorker(store, pipeline, settings)).start();
    }

    private TestPipeline milkCartons(ScriptedClassifier[] classifier) {
        classifier[0] = ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩");
        return pipeline(classifier[0]);
    }

    private static TestPipeline pipeline(ScriptedClassifier classifier) {
        return ScanTestKit.pipeline()
                .classifier(classifier)
                .answers(CannedAnswers.clean())
                .build();
    }

    private static ScanRequest request() {
        return ScanTestKit.pipeline().build().request("milk.png", null);
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private static Job accepted(JobQueue.Submission submission) {
        assertThat(submission).isInstanceOf(JobQueue.Submission.Accepted.class);
        return ((JobQueue.Submission.Accepted) submission).job();
    }

    /** Follows a job's events until done, as an event stream client would. */
    private static List<JobEvent> drain(JobQueue jobs, ScanId id) throws InterruptedException {
        List<JobEvent> seen = new ArrayList<>();
        long last = 0;
        while (seen.isEmpty() || !seen.getLast().done()) {
            List<JobEvent> fresh = jobs.awaitEvents(id, last, Duration.ofSeconds(10));
            assertThat(fresh).as("events within 10 s").isNotEmpty();
            seen.addAll(fresh);
            last = fresh.getLast().id();
        }
        return seen;
    }

    /** Clients blocked in XREAD now (workers block in XREADGROUP); the tests of this class run one at a time. */
    private static long blockedInXread(RedisJobQueue api) {
        return api.store()
                .commands()
                .clientList()
                .lines()
                .filter(line -> line.contains(" flags=b ") && line.contains(" cmd=xread "))
                .count();
    }

    private static long commandsProcessed(RedisJobQueue api) {
        return infoField(api.store().commands().info("stats"), "total_commands_processed");
    }

    private static long infoField(String info, String field) {
        return info.lines()
                .filter(line -> line.startsWith(field + ":"))
                .findFirst()
                .map(line -> Long.parseLong(line.substring(field.length() + 1).strip()))
                .orElseThrow(() -> new AssertionError("INFO has no " + field));
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(until);
            Thread.sleep(20);
        }
    }
}
