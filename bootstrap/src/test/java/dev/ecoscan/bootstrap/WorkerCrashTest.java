package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.adapter.redis.RedisJobQueue;
import dev.ecoscan.adapter.redis.RedisJobs;
import dev.ecoscan.adapter.redis.RedisServer;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API process and two {@code eco-scan worker} processes on one Redis: one worker is killed with
 * SIGKILL in the middle of 200 jobs, and every job still completes, exactly once.
 */
class WorkerCrashTest {

    private static final int JOBS = 200;

    @TempDir
    Path dir;

    @Test
    void killing_a_worker_mid_storm_loses_no_job_and_answers_none_twice() throws Exception {
        try (RedisServer redis = RedisServer.start();
                RedisJobs connection = new RedisJobs(redis.url())) {
            RedisJobQueue api = new RedisJobQueue(
                    connection,
                    KnowledgeBase.embedded().guide(),
                    KnowledgeBase.embedded().characters(),
                    10_000,
                    Duration.ofHours(1),
                    Clock.systemUTC());
            Process doomed = worker(redis.url(), "w1");
            Process survivor = worker(redis.url(), "w2");
            try {
                byte[] milk = Files.readAllBytes(Path.of(System.getProperty("eco-scan.samples", "../samples"))
                        .resolve("milk-carton.png"));
                List<ScanId> ids = new ArrayList<>();
                for (int i = 0; i < JOBS; i++) {
                    ScanRequest request = new ScanRequest(
                            ScanId.random(),
                            new ImageReference.Inline(milk, "image/png"),
                            Optional.empty(),
                            new UserId(UUID.randomUUID().toString()),
                            Instant.now().plusSeconds(120));
                    assertThat(api.submit(request, Optional.empty())).isInstanceOf(JobQueue.Submission.Accepted.class);
                    ids.add(request.id());
                }
                awaitDone(api, ids, JOBS / 4, Duration.ofSeconds(60));
                doomed.destroyForcibly();
                assertThat(doomed.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(doomed.exitValue()).isEqualTo(137);

                awaitDone(api, ids, JOBS, Duration.ofSeconds(90));

                for (ScanId id : ids) {
                    Job job = api.find(id).orElseThrow();
                    assertThat(job.outcome()).as(id.toString()).isPresent();
                    assertThat(job.events().stream().filter(JobEvent::done))
                            .as(id.toString())
                            .hasSize(1);
                    assertThat(job.events()).extracting(JobEvent::id).doesNotHaveDuplicates();
                }
            } finally {
                doomed.destroyForcibly();
                survivor.destroy();
                if (!survivor.waitFor(15, TimeUnit.SECONDS)) {
                    survivor.destroyForcibly();
                }
            }
        }
    }

    /** Waits until at least {@code count} of the jobs are done; fails after {@code limit}. */
    private static void awaitDone(RedisJobQueue api, List<ScanId> ids, int count, Duration limit)
            throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        long done = 0;
        while (System.nanoTime() < until) {
            done = ids.stream()
                    .filter(id -> api.find(id).flatMap(Job::outcome).isPresent())
                    .count();
            if (done >= count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(done + " of " + ids.size() + " jobs done after " + limit + "; wanted " + count);
    }

    /** {@code eco-scan worker} in a child JVM, on the test's classpath, with the simulator at a fifth of real latency. */
    private Process worker(String redisUrl, String name) throws Exception {
        return WorkerProcess.start(
                redisUrl,
                dir.resolve(name + ".log"),
                Map.of(
                        "ECO_SCAN_SIMULATOR_SPEED",
                        "0.2",
                        "ECO_SCAN_CACHE",
                        "off",
                        "ECO_SCAN_WORKER_CONCURRENCY",
                        "32",
                        "ECO_SCAN_WORKER_RECLAIM_AFTER",
                        "2s",
                        "ECO_SCAN_DATA_DIR",
                        dir.resolve(name).toString()));
    }
}
