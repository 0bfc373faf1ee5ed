package dev.ecoscan.bootstrap.render;

import dev.ecoscan.application.timing.FinishedSteps;
import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import java.util.List;

/**
 * Where one scan is, on a terminal: a scan takes seconds (two model calls), and a bar that names the
 * step now running tells a person it is working and on what. Silent into a pipe or a file, like
 * {@link ProgressBar} itself.
 */
public final class ScanProgress {

    private static final List<Step> STEPS = List.of(Step.values());
    /** The longest label's length: every label is padded to it, so the bar stays in one place. */
    private static final int LABEL_WIDTH = "classifying the photo".length();

    private final ProgressBar bar;

    private ScanProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * A progress line for one scan, drawn at once with the first step named.
     *
     * @param bar the bar to draw on (silent when not at a terminal)
     * @return the scan's progress, to be told of each finished step
     */
    public static ScanProgress start(ProgressBar bar) {
        ScanProgress progress = new ScanProgress(bar);
        bar.start(running(STEPS.getFirst()), STEPS.size());
        return progress;
    }

    /**
     * The listener to hand the scan.
     *
     * @return a step listener that moves this bar
     */
    public StepRecorder listener() {
        return new FinishedSteps(this::finished);
    }

    /** Erases the bar if the scan ended before its last step, so the result starts on a clean line. */
    public void end() {
        bar.clear();
    }

    private void finished(StepEvent event) {
        int position = STEPS.indexOf(event.step()) + 1;
        bar.at(position, position < STEPS.size() ? running(STEPS.get(position)) : padded("done"));
    }

    private static String running(Step step) {
        String words = switch (step) {
            case VISION -> "classifying the photo";
            case RAG -> "looking up the rule";
            case ANSWER -> "writing the answer";
            case REWARD_MATCH -> "matching a reward";
        };
        return padded(words);
    }

    private static String padded(String label) {
        return String.format("%-" + LABEL_WIDTH + "s", label);
    }
}
