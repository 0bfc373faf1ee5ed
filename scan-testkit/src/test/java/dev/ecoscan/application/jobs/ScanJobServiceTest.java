package dev.ecoscan.application.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A job is seen only by the user who submitted it, whatever queue runs it. */
class ScanJobServiceTest {

    private final TestPipeline pipeline = ScanTestKit.pipeline()
            .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
            .build();
    private final InProcessJobQueue queue = new InProcessJobQueue(pipeline, 10, Duration.ofHours(1), Clock.systemUTC());
    private final ScanJobService jobs = new ScanJobService(queue);

    @Test
    void the_owner_finds_their_job_and_follows_it_to_done() throws InterruptedException {
        ScanRequest request = pipeline.request("milk.png", null);
        Job job = ((JobQueue.Submission.Accepted) jobs.submit(request, Optional.empty())).job();

        assertThat(jobs.findOwn(job.id(), request.user()))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(job.id()));
        List<JobEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((events.isEmpty() || events.getLast().stage() != JobStage.DONE) && System.nanoTime() < deadline) {
            long seen = events.isEmpty() ? 0 : events.getLast().id();
            events.addAll(jobs.awaitEvents(job, seen, Duration.ofSeconds(1)));
        }
        assertThat(events).extracting(JobEvent::stage).endsWith(JobStage.DONE);
    }

    @Test
    void another_user_and_an_unknown_id_find_nothing() {
        ScanRequest request = pipeline.request("milk.png", null);
        Job job = ((JobQueue.Submission.Accepted) jobs.submit(request, Optional.empty())).job();

        assertThat(jobs.findOwn(job.id(), new UserId("someone-else"))).isEmpty();
        assertThat(jobs.findOwn(ScanId.random(), request.user())).isEmpty();
    }
}
