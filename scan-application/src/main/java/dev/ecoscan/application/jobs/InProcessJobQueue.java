package dev.ecoscan.application.jobs;

import dev.ecoscan.application.ScanWaste;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.port.JobRecorder;
import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.scan.StepStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded job queue: each accepted scan runs on its own virtual thread at once (a scan waits on
 * I/O, so there is nothing to gain by queueing it behind others), bounded by how many may be
 * unfinished at a time. Progress comes from the pipeline's step events: register it as a step
 * listener. Finished jobs and their idempotency keys are kept as {@link JobRetention} says (an age
 * and a count), then forgotten, oldest first; whoever waits on a forgotten job's events is woken.
 */
public final class InProcessJobQueue implements JobQueue, StepRecorder {

    private final ScanWaste scans;
    private final int capacity;
    private final JobRetention retention;
    private final Clock clock;
    private final JobRecorder recorder;
    private final Map<ScanId, JobRecord> jobs = new ConcurrentHashMap<>();
    private final Map<String, IdempotentSubmission> keys = new ConcurrentHashMap<>();
    /** Finished jobs in the order they finished, so the oldest is forgotten first; guarded by {@link #retained}. */
    private final ArrayDeque<JobRecord> finished = new ArrayDeque<>();

    private final ReentrantLock retained = new ReentrantLock();
    /** Two identical submissions may race; one lock over the key check and the start keeps them one job. */
    private final ReentrantLock submitting = new ReentrantLock();

    private final AtomicInteger unfinished = new AtomicInteger();
    /** Set by {@link #drain}: no job is taken after it. */
    private volatile boolean draining;

    /** Keeps finished jobs for {@code retention}, and at most {@link JobRetention#DEFAULT_COUNT} of them. */
    public InProcessJobQueue(ScanWaste scans, int capacity, Duration retention, Clock clock) {
        this(scans, capacity, JobRetention.ofAge(retention), clock, JobRecorder.none());
    }

    public InProcessJobQueue(ScanWaste scans, int capacity, Duration retention, Clock clock, JobRecorder recorder) {
        this(scans, capacity, JobRetention.ofAge(retention), clock, recorder);
    }

    public InProcessJobQueue(ScanWaste scans, int capacity, JobRetention retention, Clock clock, JobRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.scans = Objects.requireNonNull(scans, "scans");
        if (capacity < 1) {
            throw new IllegalArgumentException("the job queue needs room for at least one job");
        }
        this.capacity = capacity;
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record IdempotentSubmission(ScanId job, Instant at) {}

    @Override
    public Submission submit(ScanRequest request, Optional<String> idempotencyKey) {
        forgetExpired();
        if (idempotencyKey.isEmpty()) {
            return start(request, Optional.empty());
        }
        String key = request.user().value() + "\u0000" + idempotencyKey.get();
        submitting.lock();
        try {
            Instant now = clock.instant();
            IdempotentSubmission earlier = keys.get(key);
            JobRecord earlierJob = earlier == null ? null : jobs.get(earlier.job());
            if (earlierJob != null && earlier.at().plus(retention.age()).isAfter(now)) {
                return new Submission.Accepted(earlierJob.snapshot(), true);
            }
            // The key goes in before the job starts, so forgetting the job, however soon, removes it too.
            IdempotentSubmission submission = new IdempotentSubmission(request.id(), now);
            keys.put(key, submission);
            Submission answer = start(request, Optional.of(key));
            if (answer instanceof Submission.Refused) {
                keys.remove(key, submission);
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
        jobs.put(request.id(), record);
        Thread.ofVirtual().name("job-" + request.id()).start(() -> run(record));
        return new Submission.Accepted(record.snapshot(), false);
    }

    private void run(JobRecord record) {
        ScanOutcome outcome;
        try {
            recorder.started(Duration.between(record.snapshot().submittedAt(), clock.instant()));
            record.enter(JobStage.VISION);
            outcome = scans.scan(record.request());
        } catch (RuntimeException e) {
            // The use case never throws for port trouble; this is a bug, and the job must still end.
            outcome = new ScanOutcome.Failed(
                    record.request().id(),
                    record.request().question(),
                    Step.VISION,
                    FailureKind.INTERNAL_ERROR,
                    "the scan failed unexpectedly: " + e,
                    List.of());
        } finally {
            unfinished.decrementAndGet();
        }
        // Counted before the done event goes out, so whoever sees the event finds it in the metrics.
        recorder.finished(outcome);
        retain(record, outcome);
    }

    /** Moves a job to the stage after a step that succeeded; after any other, the done event follows. */
    @Override
    public void record(StepEvent event) {
        JobRecord record = jobs.get(event.scanId());
        if (record != null && event.status() == StepStatus.SUCCESS) {
            record.enter(JobStage.after(event.step()));
        }
    }

    @Override
    public Optional<Job> find(ScanId id) {
        return Optional.ofNullable(jobs.get(id)).map(JobRecord::snapshot);
    }

    @Override
    public List<JobEvent> awaitEvents(ScanId id, long lastSeen, Duration wait) throws InterruptedException {
        JobRecord record = jobs.get(id);
        return record == null ? List.of() : record.awaitAfter(lastSeen, wait);
    }

    /** Jobs running or queued now. */
    public int unfinished() {
        return unfinished.get();
    }

    /**
     * SIGTERM's part for jobs: takes no new job, waits up to {@code grace} for the unfinished ones,
     * then ends each one still running as failed ({@link FailureKind#SHUT_DOWN}), so whoever polls or
     * streams it reads a done event rather than losing the job with the process. Every job here
     * started when it was accepted, so none waits in a queue to be handed back: all get the grace. A
     * cut job's thread runs on until the process ends, and its late outcome is ignored.
     *
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
        for (JobRecord record : jobs.values()) {
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

    /** Jobs finished and still kept: at most the retention's count. */
    public int retained() {
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
    private void retain(JobRecord record, ScanOutcome outcome) {
        retained.lock();
        try {
            while (finished.size() >= retention.count()) {
                forget(finished.pollFirst());
            }
            record.finish(outcome, clock.instant());
            finished.addLast(record);
        } finally {
            retained.unlock();
        }
        forgetExpired();
    }

    /** Forgets the jobs that finished longer ago than the retention's age; the oldest are at the head. */
    private void forgetExpired() {
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
        ScanId id = record.request().id();
        jobs.remove(id, record);
        // Only if the key still names this job: a later submission may have taken it over.
        record.idempotencyKey()
                .ifPresent(key -> keys.computeIfPresent(
                        key, (k, submission) -> submission.job().equals(id) ? null : submission));
        record.forget();
    }
}
