package dev.ecoscan.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.Rejection;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.CannedImages;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testservers.Eventually;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An uploaded photo is kept in Redis by reference, beside its job's record, and read back by the worker. */
class RedisUploadedImagesTest {

    private static RedisServer server;

    private final String prefix = "test-" + UUID.randomUUID() + ":";
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<ImageReference> seen = new CopyOnWriteArrayList<>();

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
    void the_record_names_the_image_key_which_has_the_retention_ttl_and_the_worker_reads_it_back() throws Exception {
        RedisJobQueue api = queue();
        byte[] photo = photo(200_000);
        ScanRequest upload = upload(photo);

        Job job = accepted(api.submit(upload, Optional.empty()));

        RedisCommands<String, String> redis = api.store().commands();
        String imageKey = prefix + "job:" + job.id() + ":image";
        Map<String, String> record = redis.hgetall(prefix + "job:" + job.id());
        assertThat(record).doesNotContainKey("imageBytes").containsEntry("imageKey", imageKey);
        assertThat(record).containsEntry("imageType", "image/png");
        assertThat(record.values())
                .allSatisfy(value -> assertThat(value.length()).isLessThan(200));
        assertThat(api.store().redis().binaryCommands().get(imageKey.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(photo);
        assertThat(redis.ttl(imageKey)).isBetween(3500L, 3600L);
        assertThat(api.find(job.id()))
                .hasValueSatisfying(found -> assertThat(found.question()).contains("어떻게 버려요?"));

        worker();
        List<JobEvent> events = drain(api, job.id());

        assertThat(events.getLast().outcome())
                .hasValueSatisfying(outcome -> assertThat(outcome).isInstanceOf(ScanOutcome.Completed.class));
        assertThat(seen).containsExactly(new ImageReference.Inline(photo, "image/png"));
        assertThat(redis.exists(imageKey))
                .as("the bytes go with the finished job")
                .isZero();
    }

    @Test
    void a_job_whose_image_expired_before_a_worker_took_it_is_answered_unreadable_and_the_worker_goes_on()
            throws Exception {
        RedisJobQueue api = queue();
        Job lost = accepted(api.submit(upload(photo(1000)), Optional.empty()));
        RedisCommands<String, String> redis = api.store().commands();
        String imageKey = prefix + "job:" + lost.id() + ":image";
        // The TTL running out, made short.
        redis.pexpire(imageKey, 1);
        Eventually.holds("the image key expired", () -> redis.exists(imageKey) == 0);

        RedisJobWorker worker = worker();
        List<JobEvent> events = drain(api, lost.id());

        assertThat(events).extracting(JobEvent::stage).containsExactly(JobStage.DONE);
        assertThat(events.getLast().outcome())
                .hasValueSatisfying(outcome -> assertThat(outcome)
                        .isInstanceOfSatisfying(ScanOutcome.Rejected.class, rejected -> {
                            assertThat(rejected.reason()).isEqualTo(Rejection.UNREADABLE_IMAGE);
                            assertThat(rejected.detail()).contains("upload it again");
                        }));
        assertThat(seen).isEmpty();
        Eventually.holds("its entry is acknowledged", () -> api.queueDepth() == 0);

        Job next = accepted(api.submit(upload(photo(1000)), Optional.empty()));
        assertThat(drain(api, next.id()).getLast().outcome())
                .hasValueSatisfying(outcome -> assertThat(outcome).isInstanceOf(ScanOutcome.Completed.class));
        // The worker counts a job after it has published the job's done event, so the count may lag it.
        Eventually.holds(
                "the worker counts the next job as completed",
                () -> Long.valueOf(1).equals(worker.completedByOutcome().get("completed")));
    }

    @Test
    void a_forgotten_job_takes_its_image_with_it() throws Exception {
        RedisJobQueue api = queue();
        Job job = accepted(api.submit(upload(photo(1000)), Optional.empty()));
        String imageKey = prefix + "job:" + job.id() + ":image";
        assertThat(api.store().commands().exists(imageKey)).isOne();

        api.store().forget(job.id());

        assertThat(api.store().commands().exists(imageKey)).isZero();
    }

    /** A PNG signature and random bytes after it: what the worker gets must be these very bytes. */
    private static byte[] photo(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, bytes, 0, 8);
        return bytes;
    }

    private static ScanRequest upload(byte[] photo) {
        ScanRequest base = ScanTestKit.pipeline().build().request("milk.png", null);
        return new ScanRequest(
                ScanId.random(),
                new ImageReference.Inline(photo, "image/png"),
                Optional.of("어떻게 버려요?"),
                base.user(),
                base.deadline());
    }

    private RedisJobQueue queue() {
        RedisJobs redis = open(new RedisJobs(server.url(), prefix, Duration.ofSeconds(2)));
        return new RedisJobQueue(
                redis,
                KnowledgeBase.embedded().guide(),
                KnowledgeBase.embedded().characters(),
                1000,
                Duration.ofHours(1),
                Clock.systemUTC());
    }

    /** A worker process of its own, whose image source records what it was asked to load. */
    private RedisJobWorker worker() {
        ImageSource canned = CannedImages.anyPhoto();
        ScanWaste pipeline = ScanTestKit.pipeline()
                .images(reference -> {
                    seen.add(reference);
                    return canned.load(reference);
                })
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                .answers(CannedAnswers.clean())
                .build();
        RedisJobQueue store = queue();
        return open(new RedisJobWorker(store, pipeline, RedisWorkerSettings.defaults(1)))
                .start();
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private static Job accepted(JobQueue.Submission submission) {
        assertThat(submission).isInstanceOf(JobQueue.Submission.Accepted.class);
        return ((JobQueue.Submission.Accepted) submission).job();
    }

    private static List<JobEvent> drain(JobQueue jobs, ScanId id) throws InterruptedException {
        List<JobEvent> events = new ArrayList<>();
        long last = 0;
        while (events.isEmpty() || !events.getLast().done()) {
            List<JobEvent> fresh = jobs.awaitEvents(id, last, Duration.ofSeconds(10));
            assertThat(fresh).as("events within 10 s").isNotEmpty();
            events.addAll(fresh);
            last = fresh.getLast().id();
        }
        return events;
    }
}
