package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ImageLoadEvent;
import dev.ecoscan.domain.scan.StepEvent;

/**
 * Receives one event per executed pipeline step: metrics, logs and job progress listen here.
 * Called on the scan's threads, so implementations must be quick and thread-safe, and must not throw.
 */
public interface StepRecorder {

    /**
     * Receives one finished step.
     *
     * @param event the step, how long it took and how it ended
     */
    void record(StepEvent event);

    /**
     * Receives the image load that precedes the vision step. It is not one of the four steps, so a
     * listener that only follows those (job progress) ignores it, which is the default.
     *
     * @param event how long loading the image took and how it ended
     */
    default void recordImageLoad(ImageLoadEvent event) {}

    /**
     * Receives the answer's text as the answer model writes it. Only a scan's own listener (its job's
     * event stream) wants it, so the default ignores it.
     *
     * @param delta the text written since the last piece
     */
    default void recordAnswerDelta(AnswerDelta delta) {}

    /**
     * Whether this listener reads the answer's text as it is written; when the scan's own listener
     * does not, the answer model's reply need not be streamed.
     *
     * @return true when the answer's text should be streamed to this listener
     */
    default boolean followsAnswerText() {
        return false;
    }

    /**
     * A recorder that drops everything, for embedders that do not watch steps.
     *
     * @return a recorder that records nothing
     */
    static StepRecorder none() {
        return event -> {};
    }
}
