package dev.ecoscan.domain.job;

import dev.ecoscan.domain.scan.Step;
import java.util.Locale;

/**
 * Where an asynchronous scan is, with the progress the reference system reported for it (queued 0,
 * vision 25, rag 50, answer 75, reward_match 100). A stage is entered when its step starts, which
 * is when the step before it has finished.
 */
public enum JobStage {
    /** Accepted, waiting for a worker. */
    QUEUED(0),
    /** The classifier is looking at the image. */
    VISION(25),
    /** The disposal rule is being looked up. */
    RAG(50),
    /** The answer is being written. */
    ANSWER(75),
    /** The reward is being matched to a character. */
    REWARD_MATCH(100),
    /** Finished; the last event carries the outcome. */
    DONE(100);

    private final int progress;

    JobStage(int progress) {
        this.progress = progress;
    }

    /**
     * How far the scan is, as the reference system reported it.
     *
     * @return a percentage, 0 to 100
     */
    public int progress() {
        return progress;
    }

    /**
     * The stage's name on the wire.
     *
     * @return the lower-case name, e.g. {@code reward_match}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The stage that follows a finished step.
     *
     * @param finished the step that has just ended
     * @return the next step's stage, or {@link #DONE} after the last step
     */
    public static JobStage after(Step finished) {
        return switch (finished) {
            case VISION -> RAG;
            case RAG -> ANSWER;
            case ANSWER -> REWARD_MATCH;
            case REWARD_MATCH -> DONE;
        };
    }
}
