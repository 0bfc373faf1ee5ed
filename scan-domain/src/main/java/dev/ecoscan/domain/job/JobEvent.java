package dev.ecoscan.domain.job;

import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ScanOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of an asynchronous scan, numbered from 1 in order so a client can resume after the
 * last one it saw. The last event of a job is its {@code done} event, which carries the outcome.
 * While the job is in the {@code answer} stage, events may carry the answer's text as the model
 * writes it ({@code answerDelta}); they stay in that stage.
 *
 * @param id          the event's number in its job, from 1
 * @param stage       the stage the job is in after this event
 * @param outcome     the scan's outcome, on the done event only
 * @param answerDelta a piece of the answer's text, in the answer stage only
 */
public record JobEvent(long id, JobStage stage, Optional<ScanOutcome> outcome, Optional<AnswerDelta> answerDelta) {

    /** Checks that only the done event carries an outcome and only the answer stage carries text. */
    public JobEvent {
        if (id < 1) {
            throw new IllegalArgumentException("event ids start at 1");
        }
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(answerDelta, "answerDelta");
        if (outcome.isPresent() != (stage == JobStage.DONE)) {
            throw new IllegalArgumentException("exactly the done event carries the outcome");
        }
        if (answerDelta.isPresent() && stage != JobStage.ANSWER) {
            throw new IllegalArgumentException("answer text comes in the answer stage only");
        }
    }

    /**
     * A stage entered, or the done event with its outcome.
     *
     * @param id      the event's number in its job, from 1
     * @param stage   the stage entered
     * @param outcome the scan's outcome when {@code stage} is done, else empty
     */
    public JobEvent(long id, JobStage stage, Optional<ScanOutcome> outcome) {
        this(id, stage, outcome, Optional.empty());
    }

    /**
     * A piece of the answer's text, in the answer stage.
     *
     * @param id    the event's number in its job
     * @param delta the text the model wrote since the last piece
     * @return an answer-stage event carrying {@code delta}
     */
    public static JobEvent answerText(long id, AnswerDelta delta) {
        return new JobEvent(id, JobStage.ANSWER, Optional.empty(), Optional.of(delta));
    }

    /**
     * Whether this is the job's last event.
     *
     * @return true for the done event
     */
    public boolean done() {
        return stage == JobStage.DONE;
    }
}
