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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded job queue: each accepted scan runs on its own virtual thread at once (a scan waits on
 * I/O, so there is nothing to gain by queueing it behind others), bounded by how many may be
 * unfinished at a time. Progress comes from the pipeline's step events: register it as a step
 * listener. Finished jobs and idempotency keys are kept for {@code retention}, then forgotten.
 */
public final class InProcessJobQueue implements JobQueue, StepRecorder {

    private final ScanWaste scans;
    private final int capacity;
    private final Duration retention;
    private final Clock clock;
    private final JobRecorder recorder;
    private final Map<ScanId, JobRecord> jobs = new ConcurrentHashMap<>();
    private final Map<String, IdempotentSubmission> keys = new ConcurrentHashMap<>();
    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile Instant nextPurge;

    public InProcessJobQueue(ScanWaste scans, int capacity, Duration retention, Clock clock) {
        this(scans, capacity, retention, clock, JobRecorder.none());
    }

    public InProcessJobQueue(ScanWaste scans, int capacity, Duration retention, Clock clock, JobRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.scans = Objects.requireNonNull(scans, "scans");
        if (capacity < 1) {
            throw new IllegalArgumentException("the job queue needs room for at least one job");
        }
        this.capacity = capacity;
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nextPurge = clock.instant().plus(retention);
    }

    private record IdempotentSubmission(ScanId job, Instant at) {
    }

    @Override
    public Submission submit(ScanRequest request, Optional<String> idempotencyKey) {
        purgeWhenDue();
        if (idempotencyKey.isEmpty()) {
            return start(request);
        }
        String key = request.user().value() + "\u0000" + idempotencyKey.get();
        // Two identical submissions may race; one lock over the key check and the start keeps them one job.
        synchronized (keys) {
            Instant now = clock.instant();
            IdempotentSubmission earlier = keys.get(key);
            if (earlier != null && earlier.at().plus(retention).isAfter(now) && jobs.containsKey(earlier.job())) {
                return new Submission.Accepted(jobs.get(earlier.job()).snapshot(), true);
            }
            Submission submission = start(request);
            if (submission instanceof Submission.Accepted) {
                keys.put(key, new IdempotentSubmission(request.id(), now));
            }
            return submission;
        }
    }

    private Submission start(ScanRequest request) {
        if (unfinished.incrementAndGet() > capacity) {
            unfinished.decrementAndGet();
            return new Submission.Refused("the job queue holds its limit of " + capacity + " unfinished scans");
        }
        JobRecord record = new JobRecord(request, clock.instant());
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
            outcome = new ScanOutcome.Failed(record.request().id(), Step.VISION,
                    FailureKind.INTERNAL_ERROR, "the scan failed unexpectedly: " + e, List.of());
        } finally {
            unfinished.decrementAndGet();
        }
        // Counted before the done event goes out, so whoever sees the event finds it in the metrics.
        recorder.finished(outcome);
        record.finish(outcome, clock.instant());
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

    private void purgeWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(Duration.ofMinutes(1));
        Instant cutoff = now.minus(retention);
        jobs.values().removeIf(record -> record.finishedBefore(cutoff));
        keys.values().removeIf(submission -> submission.at().isBefore(cutoff));
    }
}
