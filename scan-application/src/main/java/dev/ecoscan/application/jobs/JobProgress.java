package dev.ecoscan.application.jobs;

import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.scan.StepStatus;

/**
 * One job's listener on its scan: a step that succeeded moves the job to the next stage, and the
 * answer's text goes into the job's events as it is written. After any other step, and after the
 * last, the done event follows, with the outcome (stored by the {@link JobRunner}). Progress is best
 * effort: the done event, stored later, is what the client needs.
 */
final class JobProgress implements StepRecorder {

    private final RunningJob job;

    JobProgress(RunningJob job) {
        this.job = job;
    }

    @Override
    public void record(StepEvent event) {
        JobStage next = JobStage.after(event.step());
        if (event.status() != StepStatus.SUCCESS || next == JobStage.DONE) {
            return;
        }
        try {
            job.enter(next);
        } catch (RuntimeException e) {
            // Best effort, as above.
        }
    }

    @Override
    public boolean followsAnswerText() {
        return true;
    }

    @Override
    public void recordAnswerDelta(AnswerDelta delta) {
        try {
            job.answerText(delta);
        } catch (RuntimeException e) {
            // Best effort: the done event carries the whole answer.
        }
    }
}
