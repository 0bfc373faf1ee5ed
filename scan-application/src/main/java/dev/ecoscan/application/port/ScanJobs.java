package dev.ecoscan.application.port;

import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Scans that run later: submitted now, followed while they run, their result read by their owner. */
public interface ScanJobs {

    /**
     * Queues a scan. With an idempotency key, a second submission by the same user with the same key
     * (while the first is remembered) returns the first job instead of queueing another scan.
     *
     * @param request        the scan to run
     * @param idempotencyKey the client's key for this submission, when it sent one
     * @return the job accepted (or repeated), or why it was refused
     */
    JobQueue.Submission submit(ScanRequest request, Optional<String> idempotencyKey);

    /**
     * The job, when {@code owner} submitted it: another user's job does not exist for them.
     *
     * @param id    the job's id
     * @param owner the user asking
     * @return the job, or empty when it is unknown or not theirs
     */
    Optional<Job> findOwn(ScanId id, UserId owner);

    /**
     * The job's events after {@code lastSeen}, waiting up to {@code wait} for one. Empty when nothing
     * happened in time, or when the job was forgotten meanwhile ({@link #findOwn} tells which).
     *
     * @param job      the job, as {@link #findOwn} returned it
     * @param lastSeen the id of the last event the caller saw, 0 for all
     * @param wait     how long to wait for a new event
     * @return the new events, oldest first, possibly none
     * @throws InterruptedException when the waiting thread is interrupted
     */
    List<JobEvent> awaitEvents(Job job, long lastSeen, Duration wait) throws InterruptedException;
}
