package dev.ecoscan.application.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SIGTERM's part for the embedded queue: jobs finish within the grace, or end as shut down; none vanishes. */
@Timeout(30)
class InProcessJobQueueDrainTest {

    private final CountDownLatch visionStarted = new CountDownLatch(1);
    private final CountDownLatch finishVision = new CountDownLatch(1);
    private final TestPipeline pipeline = ScanTestKit.pipeline()
            .classifier(new ScriptedClassifier(request -> {
                visionStarted.countDown();
                try {
                    finishVision.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new ClassifierVerdict.Unclassifiable("finished after the drain began");
            }))
            .deadline(Duration.ofMinutes(1))
            .build();
    private final InProcessJobQueue jobs = new InProcessJobQueue(pipeline, 10, Duration.ofHours(1), Clock.systemUTC());

    @Test
    void a_drain_lets_the_running_job_finish_and_takes_no_new_one_after() throws Exception {
        Job job = submit();
        visionStarted.await();

        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> jobs.drain(Duration.ofSeconds(20)));
        finishVision.countDown();

        assertThat(drained.get(10, TimeUnit.SECONDS)).isZero();
        JobQueue.Submission late = jobs.submit(pipeline.request("late.png", null), Optional.empty());
        assertThat(jobs.find(job.id()).orElseThrow().outcome())
                .hasValueSatisfying(outcome -> assertThat(outcome).isInstanceOf(ScanOutcome.Rejected.class));
        assertThat(late)
                .isInstanceOfSatisfying(
                        JobQueue.Submission.Refused.class,
                        refused -> assertThat(refused.reason()).contains("shutting down"));
    }

    @Test
    void a_job_still_running_when_the_grace_ends_is_ended_as_shut_down_where_its_client_looks() throws Exception {
        Job job = submit();
        visionStarted.await();

        long started = System.nanoTime();
        int cut = jobs.drain(Duration.ofMillis(300));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(cut).isEqualTo(1);
        assertThat(took).isBetween(Duration.ofMillis(300), Duration.ofSeconds(1));
        assertThat(jobs.find(job.id()).orElseThrow().outcome())
                .hasValueSatisfying(outcome -> assertThat(outcome)
                        .isInstanceOfSatisfying(ScanOutcome.Failed.class, failed -> {
                            assertThat(failed.kind()).isEqualTo(FailureKind.SHUT_DOWN);
                            assertThat(failed.step()).isEqualTo(Step.VISION);
                        }));
        List<JobEvent> events = jobs.awaitEvents(job.id(), 0, Duration.ZERO);
        assertThat(events.getLast().stage()).isEqualTo(JobStage.DONE);

        // The scan's own end, when it comes, changes nothing the client has read.
        finishVision.countDown();
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (jobs.unfinished() > 0 && until - System.nanoTime() > 0) {
            Thread.onSpinWait();
        }
        assertThat(jobs.unfinished()).isZero();
        assertThat(jobs.find(job.id()).orElseThrow().events()).isEqualTo(events);
    }

    private Job submit() {
        return ((JobQueue.Submission.Accepted) jobs.submit(pipeline.request("milk.png", null), Optional.empty())).job();
    }
}
