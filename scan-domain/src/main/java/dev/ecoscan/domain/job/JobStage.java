package dev.ecoscan.domain.job;

import dev.ecoscan.domain.scan.Step;
import java.util.Locale;

/**
 * Where an asynchronous scan is, with the progress the reference system reported for it (queued 0,
 * vision 25, rag 50, answer 75, reward_match 100). A stage is entered when its step starts, which
 * is when the step before it has finished.
 */
public enum JobStage {
    QUEUED(0),
    VISION(25),
    RAG(50),
    ANSWER(75),
    REWARD_MATCH(100),
    DONE(100);

    private final int progress;

    JobStage(int progress) {
        this.progress = progress;
    }

    public int progress() {
        return progress;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stage that follows a finished step. */
    public static JobStage after(Step finished) {
        return switch (finished) {
            case VISION -> RAG;
            case RAG -> ANSWER;
            case ANSWER -> REWARD_MATCH;
            case REWARD_MATCH -> DONE;
        };
    }
}
