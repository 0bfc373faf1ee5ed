package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.adapter.redis.RedisJobQueue;
import dev.ecoscan.adapter.redis.RedisJobs;
import dev.ecoscan.adapter.redis.RedisServer;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM on {@code eco-scan worker}: it stops within ECO_SCAN_DRAIN_GRACE and hands its job back to the queue. */
@Timeout(120)
class WorkerDrainTest {

    private static final Duration GRACE = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @Test
    void a_worker_stops_within_its_grace_and_another_worker_finishes_the_job_it_left() throws Exception {
        try (RedisServer redis = RedisServer.start();
                RedisJobs connection = new RedisJobs(redis.url())) {
            RedisJobQueue api = new RedisJobQueue(
                    connection,
                    KnowledgeBase.embedded().guide(),
                    KnowledgeBase.embedded().characters(),
                    100,
                    Duration.ofHours(1),
                    Clock.systemUTC());
            // At a hundredth of its speed the simulator's vision call takes minutes.
            Process slow = worker(redis.url(), "slow", "100");
            Process other = null;
            try {
                byte[] milk = Files.readAllBytes(Path.of(System.getProperty("eco-scan.samples", "../samples"))
                        .resolve("milk-carton.png"));
                ScanRequest request = new ScanRequest(
                        ScanId.random(),
                        new ImageReference.Inline(milk, "image/png"),
                        Optional.empty(),
                        new UserId(UUID.randomUUID().toString()),
                        Instant.now().plusSeconds(300));
                assertThat(api.submit(request, Optional.empty())).isInstanceOf(JobQueue.Submission.Accepted.class);
                awaitJob(api, request.id(), job -> job.stage() != JobStage.QUEUED);

                long signalled = System.nanoTime();
                slow.destroy();
                assertThat(slow.waitFor(GRACE.plusSeconds(5).toSeconds(), TimeUnit.SECONDS))
                        .isTrue();
                Duration stopped = Duration.ofNanos(System.nanoTime() - signalled);

                // The grace, and the JVM's own exit.
                assertThat(stopped).isLessThan(GRACE.plusSeconds(1));
                assertThat(api.find(request.id()).flatMap(Job::outcome)).isEmpty();
                other = worker(redis.url(), "other", "0");
                awaitJob(api, request.id(), job -> job.outcome().isPresent());
            } finally {
                slow.destroyForcibly();
                if (other != null) {
                    other.destroyForcibly();
                }
            }
        }
    }

    /** Polls until the job satisfies {@code condition}, for at most a minute. */
    private static void awaitJob(RedisJobQueue api, ScanId id, Predicate<Job> condition) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!api.find(id).map(condition::test).orElse(false)) {
            assertThat(until - System.nanoTime())
                    .as("job %s reached the state in time", id)
                    .isPositive();
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** {@code eco-scan worker} in a child JVM, on the test's classpath, reclaiming a dead worker's jobs after 2 s. */
    private Process worker(String redisUrl, String name, String simulatorSpeed) throws Exception {
        return WorkerProcess.start(
                redisUrl,
                dir.resolve(name + ".log"),
                Map.of(
                        "ECO_SCAN_SIMULATOR_SPEED",
                        simulatorSpeed,
                        "ECO_SCAN_DRAIN_GRACE",
                        GRACE.toSeconds() + "s",
                        "ECO_SCAN_WORKER_RECLAIM_AFTER",
                        "2s",
                        "ECO_SCAN_DATA_DIR",
                        dir.resolve(name).toString()));
    }
}
