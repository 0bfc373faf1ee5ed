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

    /** Scans an image reference (a path or URL) as {@link #TEST_USER}, without a question. */
    public ScanOutcome scan(String image) {
        return scan(request(image, null));
    }

    public ScanOutcome scan(String image, String question) {
        return scan(request(image, question));
    }

    /** A request as the convenience methods build it, to adjust before scanning. */
    public ScanRequest request(String image, String question) {
        return new ScanRequest(
                ScanId.random(),
                ImageReference.parse(image),
                Optional.ofNullable(question),
                TEST_USER,
                clock.instant().plus(deadline));
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    /** The ports as the test gave them (not the timed wrappers), to read what the fakes saw. */
    public PipelinePorts ports() {
        return ports;
    }

    public RecordingStepRecorder recorder() {
        return recorder;
    }
}
