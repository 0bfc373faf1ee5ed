package dev.ecoscan.application.jobs;

import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.port.JobRecorder;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.Step;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Runs one job, whichever queue holds it: enters {@code vision}, runs the scan with a listener that
 * moves this job (and no other) to the stage after each step that succeeded and keeps the answer's
 * text as it is written ({@link JobProgress}), then stores the outcome. Queue waits and outcomes go
 * to the {@link JobRecorder} (metrics).
 */
public final class JobRunner {

    private final ScanWaste scans;
    private final JobRecorder recorder;
    private final Clock clock;

    /**
     * A runner for the jobs of one or more queues.
     *
     * @param scans    runs the scan
     * @param recorder told when a job starts and finishes
     * @param clock    the clock the jobs' submission times were read from, for the time they waited
     */
    public JobRunner(ScanWaste scans, JobRecorder recorder, Clock clock) {
        this.scans = Objects.requireNonNull(scans, "scans");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs the job to its end and stores its outcome.
     *
     * @throws RuntimeException when the job's store fails to enter {@code vision} or to store the
     *                          outcome; the scan itself never throws here
     * @param job the job taken from a queue, with its store
     */
    public void run(RunningJob job) {
        recorder.started(Duration.between(job.submittedAt(), clock.instant()));
        job.enter(JobStage.VISION);
        ScanOutcome outcome = scan(job);
        job.finish(outcome, () -> recorder.finished(outcome));
    }

    private ScanOutcome scan(RunningJob job) {
        // Asked for once: a job the drain ended meanwhile no longer keeps its request.
        ScanRequest request = job.request();
        try {
            return scans.scan(request, new JobProgress(job));
        } catch (RuntimeException e) {
            // The use case never throws for port trouble; this is a bug, and the job must still end.
            return new ScanOutcome.Failed(
                    request.id(),
                    request.question(),
                    Step.VISION,
                    FailureKind.INTERNAL_ERROR,
                    "the scan failed unexpectedly: " + e,
                    List.of());
        }
    }
}
