package dev.ecoscan.application.jobs;

import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.port.JobRecorder;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.Step;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded job queue: each accepted scan runs on its own virtual thread at once (a scan waits on
 * I/O, so there is nothing to gain by queueing it behind others), bounded by how many may be
 * unfinished at a time. The {@link JobRunner} runs each job, its progress from its own scan's step
 * events. Finished jobs and their idempotency keys are kept by {@link RetainedJobs}.
 */
public final class InProcessJobQueue implements JobQueue {

    private final JobRunner runner;
    private final int capacity;
    private final Clock clock;
    private final RetainedJobs jobs;

    /** Two identical submissions may race; one lock over the key check and the start keeps them one job. */
    private final ReentrantLock submitting = new ReentrantLock();

    private final AtomicInteger unfinished = new AtomicInteger();
    /** Set by {@link #drain}: no job is taken after it. */
    private volatile boolean draining;

    /**
     * Keeps finished jobs for {@code retention}, and at most {@link JobRetention#DEFAULT_COUNT} of them.
     *
     * @param scans     runs each job's scan
     * @param capacity  how many jobs may be queued or running at once
     * @param retention how long a finished job is kept
     * @param clock     dates submissions
     */
    public InProcessJobQueue(ScanWaste scans, int capacity, Duration retention, Clock clock) {
        this(scans, capacity, JobRetention.ofAge(retention), clock, JobRecorder.none());
    }

    /**
     * Keeps finished jobs for {@code retention}, and records to {@code recorder}.
     *
     * @param scans     runs each job's scan
     * @param capacity  how many jobs may be queued or running at once
     * @param retention how long a finished job is kept
     * @param clock     dates submissions
     * @param recorder  told of waits and outcomes
     */
    public InProcessJobQueue(ScanWaste scans, int capacity, Duration retention, Clock clock, JobRecorder recorder) {
        this(scans, capacity, JobRetention.ofAge(retention), clock, recorder);
    }

    /**
     * A queue with its own retention and a recorder for its metrics.
     *
     * @param scans     runs each job's scan
     * @param capacity  how many jobs may be queued or running at once
     * @param retention how long and how many finished jobs are kept
     * @param clock     dates submissions
     * @param recorder  told of waits, outcomes and redeliveries
     */
    public InProcessJobQueue(ScanWaste scans, int capacity, JobRetention retention, Clock clock, JobRecorder recorder) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the job queue needs room for at least one job");
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runner = new JobRunner(scans, recorder, clock);
        this.jobs = new RetainedJobs(Objects.requireNonNull(retention, "retention"), clock);
    }

    @Override
    public Submission submit(ScanRequest request, Optional<String> idempotencyKey) {
        jobs.forgetExpired();
        if (idempotencyKey.isEmpty()) {
            return start(request, Optional.empty());
        }
        String key = request.user().value() + "\u0000" + idempotencyKey.get();
        submitting.lock();
        try {
            Instant now = clock.instant();
            Optional<JobRecord> earlier = jobs.submittedWith(key, now);
            if (earlier.isPresent()) {
                return new Submission.Accepted(earlier.get().snapshot(), true);
            }
            RetainedJobs.IdempotentSubmission submission = jobs.takeKey(key, request.id(), now);
            Submission answer = start(request, Optional.of(key));
            if (answer instanceof Submission.Refused) {
                jobs.releaseKey(key, submission);
            }
            return answer;
        } finally {
            submitting.unlock();
        }
    }

    private Submission start(ScanRequest request, Optional<String> key) {
        if (draining) {
            // The HTTP layer refuses first; this closes the moment between its check and the drain.
            return new Submission.Refused("this instance is shutting down");
        }
        if (unfinished.incrementAndGet() > capacity) {
            unfinished.decrementAndGet();
            return new Submission.Refused("the job queue holds its limit of " + capacity + " unfinished scans");
        }
        JobRecord record = new JobRecord(request, clock.instant(), key);
        jobs.add(record);
        Thread.ofVirtual().name("job-" + request.id()).start(() -> run(record));
        return new Submission.Accepted(record.snapshot(), false);
    }

    private void run(JobRecord record) {
        InProcessRun run = new InProcessRun(record, jobs, unfinished);
        try {
            runner.run(run);
        } finally {
            // Also when the runner fails with an Error: the job no longer holds its place.
            run.release();
        }
    }

    @Override
    public Optional<Job> find(ScanId id) {
        return jobs.find(id).map(JobRecord::snapshot);
    }

    @Override
    public List<JobEvent> awaitEvents(ScanId id, long lastSeen, Duration wait) throws InterruptedException {
        Optional<JobRecord> record = jobs.find(id);
        return record.isEmpty() ? List.of() : record.get().awaitAfter(lastSeen, wait);
    }

    /**
     * Jobs running or queued now.
     *
     * @return the number of unfinished jobs
     */
    public int unfinished() {
        return unfinished.get();
    }

    /**
     * Jobs finished and still kept: at most the retention's count.
     *
     * @return the number of finished jobs kept
     */
    public int retained() {
        return jobs.retained();
    }

    /**
     * SIGTERM's part for jobs: takes no new job, waits up to {@code grace} for the unfinished ones,
     * then ends each one still running as failed ({@link FailureKind#SHUT_DOWN}), so whoever polls or
     * streams it reads a done event rather than losing the job with the process. Every job here
     * started when it was accepted, so none waits in a queue to be handed back: all get the grace. A
     * cut job's thread runs on until the process ends, and its late outcome is ignored.
     *
     * @param grace how long running jobs may take to finish
     * @return how many jobs were cut (0 when all finished in time)
     */
    public int drain(Duration grace) {
        draining = true;
        long until = System.nanoTime() + grace.toNanos();
        while (unfinished.get() > 0 && until - System.nanoTime() > 0) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        if (unfinished.get() == 0) {
            return 0;
        }
        int cut = 0;
        for (JobRecord record : jobs.all()) {
            Job job = record.snapshot();
            if (job.outcome().isEmpty()) {
                record.finish(
                        new ScanOutcome.Failed(
                                job.id(),
                                job.question(),
                                stepOf(job.stage()),
                                FailureKind.SHUT_DOWN,
                                "the instance shut down before the scan finished",
                                List.of()),
                        clock.instant());
                cut++;
            }
        }
        return cut;
    }

    /** The step a job was in at a stage; a job not started yet is cut before its vision step. */
    private static Step stepOf(JobStage stage) {
        return switch (stage) {
            case QUEUED, VISION -> Step.VISION;
            case RAG -> Step.RAG;
            case ANSWER -> Step.ANSWER;
            case REWARD_MATCH, DONE -> Step.REWARD_MATCH;
        };
    }
}
