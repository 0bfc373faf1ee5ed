package dev.ecoscan.application.jobs;

import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A job of the {@link InProcessJobQueue} as the runner sees it: progress and outcome go to its record. */
final class InProcessRun implements RunningJob {

    private final JobRecord record;
    private final RetainedJobs jobs;
    /** The queue's count of unfinished jobs, which this run leaves exactly once. */
    private final AtomicInteger unfinished;

    private final AtomicBoolean released = new AtomicBoolean();

    InProcessRun(JobRecord record, RetainedJobs jobs, AtomicInteger unfinished) {
        this.record = record;
        this.jobs = jobs;
        this.unfinished = unfinished;
    }

    @Override
    public ScanRequest request() {
        return record.request();
    }

    @Override
    public Instant submittedAt() {
        return record.snapshot().submittedAt();
    }

    @Override
    public void enter(JobStage stage) {
        record.enter(stage);
    }

    @Override
    public void answerText(AnswerDelta delta) {
        record.answerText(delta);
    }

    /** No longer unfinished before the done event goes out, so whoever sees the event finds it so. */
    @Override
    public void finish(ScanOutcome outcome, Runnable answered) {
        release();
        jobs.finish(record, outcome, answered);
    }

    void release() {
        if (released.compareAndSet(false, true)) {
            unfinished.decrementAndGet();
        }
    }
}
