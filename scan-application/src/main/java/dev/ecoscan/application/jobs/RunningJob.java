package dev.ecoscan.application.jobs;

import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import java.time.Instant;

/**
 * A job as a queue hands it to the {@link JobRunner}: the scan to run, and where its progress and
 * outcome are kept (in memory, or in Redis).
 */
public interface RunningJob {

    /**
     * The scan to run.
     *
     * @return the job's request
     */
    ScanRequest request();

    /**
     * When the job was accepted, for the time it waited.
     *
     * @return the submission time
     */
    Instant submittedAt();

    /**
     * Moves the job to a later stage, never {@code done} (see {@link #finish}); a stage it has
     * passed already is ignored.
     *
     * @throws RuntimeException when the store cannot be reached (the queue decides what that means)
     * @param stage the stage entered
     */
    void enter(JobStage stage);

    /**
     * Appends a piece of the answer's text while the job is in the {@code answer} stage; ignored in
     * any other stage (a late piece from an answer abandoned at the deadline comes after it).
     *
     * @throws RuntimeException when the store cannot be reached
     * @param delta the text written since the last piece
     */
    void answerText(AnswerDelta delta);

    /**
     * Stores the outcome as the job's done event, unless one is stored already (a job cut by a
     * shutdown, or run twice on a shared queue, is answered once), and runs {@code answered} when the
     * outcome stored is this run's. A store that can tell before the event is visible runs it before,
     * so that whoever sees the done event finds the job counted in the metrics.
     *
     * @param outcome  how the scan ended
     * @param answered run once the outcome is stored, before the done event is visible where the store can tell
     */
    void finish(ScanOutcome outcome, Runnable answered);
}
