package dev.ecoscan.testkit;

import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.ImageLoadEvent;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every step event and image load it receives, in order. */
public final class RecordingStepRecorder implements StepRecorder {

    private final List<StepEvent> events = new CopyOnWriteArrayList<>();
    private final List<ImageLoadEvent> imageLoads = new CopyOnWriteArrayList<>();

    /** A recorder that has kept nothing yet. */
    public RecordingStepRecorder() {}

    @Override
    public void record(StepEvent event) {
        events.add(event);
    }

    @Override
    public void recordImageLoad(ImageLoadEvent event) {
        imageLoads.add(event);
    }

    /**
     * Every image load so far.
     *
     * @return the image loads, in order
     */
    public List<ImageLoadEvent> imageLoads() {
        return List.copyOf(imageLoads);
    }

    /**
     * Every step event so far.
     *
     * @return the events, in order
     */
    public List<StepEvent> events() {
        return List.copyOf(events);
    }

    /**
     * The step events of one scan.
     *
     * @param scanId the scan
     * @return its events, in order
     */
    public List<StepEvent> eventsOf(ScanId scanId) {
        return events.stream().filter(e -> e.scanId().equals(scanId)).toList();
    }

    /**
     * The steps recorded for a scan, in the order they ended.
     *
     * @param scanId the scan
     * @return its steps
     */
    public List<Step> stepsOf(ScanId scanId) {
        return eventsOf(scanId).stream().map(StepEvent::step).toList();
    }
}
