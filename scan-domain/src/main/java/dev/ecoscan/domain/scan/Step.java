package dev.ecoscan.domain.scan;

/** The pipeline's steps, in order. Their labels are the reference system's metric label values. */
public enum Step {
    /** Classifies the image. */
    VISION("vision"),
    /** Looks up the disposal rule. */
    RAG("rag"),
    /** Writes the answer. */
    ANSWER("answer"),
    /** Grants a character, when the scan earned one. */
    REWARD_MATCH("reward_match");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    /**
     * The name dashboards know: {@code scan_pipeline_step_duration_seconds{step="vision"}}.
     *
     * @return the label, e.g. {@code reward_match}
     */
    public String label() {
        return label;
    }
}
