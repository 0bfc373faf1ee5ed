package dev.ecoscan.application.jobs;

import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded queue's jobs by id, and the idempotency keys of their submissions. Finished jobs are
 * kept as {@link JobRetention} says (an age and a count), then forgotten, oldest first, with their
 * keys; whoever waits on a forgotten job's events is woken.
 */
final class RetainedJobs {

    private final JobRetention retention;
    private final Clock clock;
    private final Map<ScanId, JobRecord> jobs = new ConcurrentHashMap<>();
    private final Map<String, IdempotentSubmission> keys = new ConcurrentHashMap<>();
    /** Finished jobs in the order they finished, so the oldest is forgotten first; guarded by {@link #retained}. */
    private final ArrayDeque<JobRecord> finished = new ArrayDeque<>();

    private final ReentrantLock retained = new ReentrantLock();

    /** The job a submission with an idempotency key started, and when. */
    record IdempotentSubmission(ScanId job, Instant at) {}

    RetainedJobs(JobRetention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    Optional<JobRecord> find(ScanId id) {
        return Optional.ofNullable(jobs.get(id));
    }

    void add(JobRecord record) {
        jobs.put(record.id(), record);
    }

    /** Every job kept, finished or not. */
    Collection<JobRecord> all() {
        return jobs.values();
    }

    /** The job that {@code key} started, if it is still kept and the key younger than the retention's age. */
    Optional<JobRecord> submittedWith(String key, Instant now) {
        IdempotentSubmission earlier = keys.get(key);
        JobRecord earlierJob = earlier == null ? null : jobs.get(earlier.job());
        return earlierJob != null && earlier.at().plus(retention.age()).isAfter(now)
                ? Optional.of(earlierJob)
                : Optional.empty();
    }

    /**
     * Gives {@code key} to a job about to start. The key goes in before the job starts, so forgetting
     * the job, however soon, removes it too.
     */
    IdempotentSubmission takeKey(String key, ScanId job, Instant now) {
        IdempotentSubmission submission = new IdempotentSubmission(job, now);
        keys.put(key, submission);
        return submission;
    }

    /** Takes a key back from a submission that was refused, unless another has taken it since. */
    void releaseKey(String key, IdempotentSubmission submission) {
        keys.remove(key, submission);
    }

    /** Jobs finished and still kept: at most the retention's count. */
    int retained() {
        retained.lock();
        try {
            return finished.size();
        } finally {
            retained.unlock();
        }
    }

    /**
     * Finishes a job and keeps it. The oldest finished jobs past the retention's count are forgotten
     * first, so whoever sees this job's done event never finds more than the count kept.
     */
    void finish(JobRecord record, ScanOutcome outcome, Runnable answered) {
        retained.lock();
        try {
            while (finished.size() >= retention.count()) {
                forget(finished.pollFirst());
            }
            record.finish(outcome, clock.instant(), answered);
            finished.addLast(record);
        } finally {
            retained.unlock();
        }
        forgetExpired();
    }

    /** Forgets the jobs that finished longer ago than the retention's age; the oldest are at the head. */
    void forgetExpired() {
        Instant cutoff = clock.instant().minus(retention.age());
        retained.lock();
        try {
            while (!finished.isEmpty() && finished.peekFirst().finishedBefore(cutoff)) {
                forget(finished.pollFirst());
            }
        } finally {
            retained.unlock();
        }
    }

    private void forget(JobRecord record) {
        ScanId id = record.id();
        jobs.remove(id, record);
        // Only if the key still names this job: a later submission may have taken it over.
        record.idempotencyKey()
                .ifPresent(key -> keys.computeIfPresent(
                        key, (k, submission) -> submission.job().equals(id) ? null : submission));
        record.forget();
    }
}
