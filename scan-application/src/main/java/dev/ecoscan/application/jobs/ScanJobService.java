package dev.ecoscan.application.jobs;

import dev.ecoscan.application.port.ScanJobs;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The jobs use case over whichever {@link JobQueue} runs them (in this process or on Redis): it owns
 * the rule that a job is seen only by the user who submitted it, so no driving adapter can forget it.
 */
public final class ScanJobService implements ScanJobs {

    private final JobQueue queue;

    /**
     * A service over this queue.
     *
     * @param queue where jobs are queued and kept
     */
    public ScanJobService(JobQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    @Override
    public JobQueue.Submission submit(ScanRequest request, Optional<String> idempotencyKey) {
        return queue.submit(request, idempotencyKey);
    }

    @Override
    public Optional<Job> findOwn(ScanId id, UserId owner) {
        Objects.requireNonNull(owner, "owner");
        return queue.find(id).filter(job -> job.owner().equals(owner));
    }

    @Override
    public List<JobEvent> awaitEvents(Job job, long lastSeen, Duration wait) throws InterruptedException {
        return queue.awaitEvents(job.id(), lastSeen, wait);
    }
}
