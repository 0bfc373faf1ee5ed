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

    @Override
    public void record(StepEvent event) {
        events.add(event);
    }

    @Override
    public void recordImageLoad(ImageLoadEvent event) {
        imageLoads.add(event);
    }

    public List<ImageLoadEvent> imageLoads() {
        return List.copyOf(imageLoads);
    }

    public List<StepEvent> events() {
        return List.copyOf(events);
    }

    public List<StepEvent> eventsOf(ScanId scanId) {
        return events.stream().filter(e -> e.scanId().equals(scanId)).toList();
    }

    /** The steps recorded for a scan, in the order they ended. */
    public List<Step> stepsOf(ScanId scanId) {
        return eventsOf(scanId).stream().map(StepEvent::step).toList();
    }
}
