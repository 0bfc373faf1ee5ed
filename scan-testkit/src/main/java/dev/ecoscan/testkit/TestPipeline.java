package dev.ecoscan.testkit;

import dev.ecoscan.application.PipelinePorts;
import dev.ecoscan.application.ScanPipeline;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** A pipeline built by {@link ScanTestKit}, with its fakes at hand for assertions. */
public final class TestPipeline implements ScanWaste {

    /** The user every convenience scan runs as. */
    public static final UserId TEST_USER = new UserId("00000000-0000-4000-8000-000000000001");

    private final ScanPipeline pipeline;
    private final KnowledgeBase knowledge;
    private final PipelinePorts ports;
    private final RecordingStepRecorder recorder;
    private final Clock clock;
    private final Duration deadline;

    TestPipeline(
            ScanPipeline pipeline,
            KnowledgeBase knowledge,
            PipelinePorts ports,
            RecordingStepRecorder recorder,
            Clock clock,
            Duration deadline) {
        this.pipeline = pipeline;
        this.knowledge = knowledge;
        this.ports = ports;
        this.recorder = recorder;
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    public ScanOutcome scan(ScanRequest request, StepRecorder progress) {
        return pipeline.scan(request, progress);
    }

    /**
     * Scans an image reference (a path or URL) as {@link #TEST_USER}, without a question.
     *
     * @param image a path or URL
     * @return how the scan ended
     */
    public ScanOutcome scan(String image) {
        return scan(request(image, null));
    }

    /**
     * Scans an image reference as {@link #TEST_USER}, with a question.
     *
     * @param image    a path or URL
     * @param question the person's question
     * @return how the scan ended
     */
    public ScanOutcome scan(String image, String question) {
        return scan(request(image, question));
    }

    /**
     * A request as the convenience methods build it, to adjust before scanning.
     *
     * @param image    a path or URL
     * @param question the person's question, or null for none
     * @return the request, not yet scanned
     */
    public ScanRequest request(String image, String question) {
        return new ScanRequest(
                ScanId.random(),
                ImageReference.parse(image),
                Optional.ofNullable(question),
                TEST_USER,
                clock.instant().plus(deadline));
    }

    /**
     * The knowledge base the pipeline was built with.
     *
     * @return the knowledge base
     */
    public KnowledgeBase knowledge() {
        return knowledge;
    }

    /**
     * The ports as the test gave them (not the timed wrappers), to read what the fakes saw.
     *
     * @return the ports, undecorated
     */
    public PipelinePorts ports() {
        return ports;
    }

    /**
     * Where the pipeline's step events went.
     *
     * @return the recorder
     */
    public RecordingStepRecorder recorder() {
        return recorder;
    }
}
