package dev.ecoscan.domain.scan;

/** The pipeline's steps, in order. Their labels are the reference system's metric label values. */
public enum Step {
    VISION("vision"),
    RAG("rag"),
    ANSWER("answer"),
    REWARD_MATCH("reward_match");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    /** The name dashboards know: {@code scan_pipeline_step_duration_seconds{step="vision"}}. */
    public String label() {
        return label;
    }
}
