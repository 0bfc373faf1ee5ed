package dev.ecoscan.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.testkit.ScanTestKit;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Redis going away turns submissions into quick refusals (503), and its return into acceptances. */
class RedisOutageTest {

    @Test
    void while_redis_is_down_submissions_are_refused_and_when_it_returns_they_are_accepted() throws Exception {
        try (RedisServer server = RedisServer.start();
                RedisJobs redis = new RedisJobs(server.url(), "outage:", Duration.ofSeconds(2))) {
            RedisJobQueue jobs = new RedisJobQueue(
                    redis,
                    KnowledgeBase.embedded().guide(),
                    KnowledgeBase.embedded().characters(),
                    100,
                    Duration.ofHours(1),
                    Clock.systemUTC());
            assertThat(submit(jobs)).isInstanceOf(JobQueue.Submission.Accepted.class);

            server.stop();
            long started = System.nanoTime();
            JobQueue.Submission refused = submit(jobs);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(refused)
                    .isInstanceOfSatisfying(
                            JobQueue.Submission.Refused.class,
                            r -> assertThat(r.reason()).contains("unavailable"));
            assertThat(took).isLessThan(Duration.ofSeconds(3));

            server.restart();
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            JobQueue.Submission again = submit(jobs);
            while (again instanceof JobQueue.Submission.Refused && System.nanoTime() < until) {
                Thread.sleep(100);
                again = submit(jobs);
            }
            assertThat(again).isInstanceOf(JobQueue.Submission.Accepted.class);
        }
    }

    private static JobQueue.Submission submit(RedisJobQueue jobs) {
        return jobs.submit(ScanTestKit.pipeline().build().request("milk.png", null), Optional.empty());
    }
}
