package dev.ecoscan.domain.port;

import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Asynchronous scans: accepted at once, run later, watched while they run, their result kept for a
 * while. Implementations: in this process (the embedded default), or a broker shared by processes.
 */
public interface JobQueue {

    /**
     * Queues a scan. With an idempotency key, a second submission by the same user with the same key
     * (while the first is remembered) returns the first job instead of queueing another scan.
     *
     * @param request        the scan to run
     * @param idempotencyKey the client's key for this submission, when it sent one
     * @return the job accepted (or repeated), or why it was refused
     */
    Submission submit(ScanRequest request, Optional<String> idempotencyKey);

    /**
     * The job as it stands now.
     *
     * @param id the job's id
     * @return the job, or empty when it is unknown or already forgotten
     */
    Optional<Job> find(ScanId id);

    /**
     * The job's events after {@code lastSeen}, waiting up to {@code wait} for at least one when there
     * are none yet. Empty when nothing happened in time, and empty at once when the job is unknown;
     * a job forgotten (by retention) while this waits ends the wait within about a second. So a
     * caller that gets an empty list asks {@link #find} whether the job is still there.
     *
     * @param id       the job's id
     * @param lastSeen the id of the last event the caller saw, 0 for all
     * @param wait     how long to wait for a new event
     * @return the new events, oldest first, possibly none
     * @throws InterruptedException when the waiting thread is interrupted
     */
    List<JobEvent> awaitEvents(ScanId id, long lastSeen, Duration wait) throws InterruptedException;

    /** The answer to a submission. */
    sealed interface Submission {
        /**
         * The job was queued, or had been.
         *
         * @param job      the job as it stands
         * @param repeated true when an earlier submission with the same idempotency key is returned
         */
        record Accepted(Job job, boolean repeated) implements Submission {}

        /**
         * The queue is full or unavailable; the client should retry later.
         *
         * @param reason why, for logs
         */
        record Refused(String reason) implements Submission {}
    }
}
