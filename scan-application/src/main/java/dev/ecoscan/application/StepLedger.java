package dev.ecoscan.application;

import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.ImageLoadEvent;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.StepEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps the step events of the scans in flight so each outcome can carry its own timings, and
 * passes every event on to the listeners (metrics, logs, job progress). Each scan's events are a
 * lock-free queue, not a list under a monitor: steps report from virtual threads, which a contended
 * monitor pins to their carrier on JDK 21-23.
 */
public final class StepLedger implements StepRecorder {

    private final StepRecorder listeners;
    private final Map<ScanId, Queue<StepEvent>> open = new ConcurrentHashMap<>();

    public StepLedger(StepRecorder listeners) {
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    /** Starts keeping events of a scan. */
    void open(ScanId scanId) {
        if (open.putIfAbsent(scanId, new ConcurrentLinkedQueue<>()) != null) {
            throw new IllegalStateException("scan " + scanId + " is already running");
        }
    }

    /**
     * Stops keeping events of a scan and returns them. A step abandoned at the deadline that ends
     * later still reaches the listeners, but no longer this scan's outcome.
     */
    List<StepEvent> close(ScanId scanId) {
        Queue<StepEvent> events = open.remove(scanId);
        return events == null ? List.of() : List.copyOf(events);
    }

    @Override
    public void record(StepEvent event) {
        Queue<StepEvent> events = open.get(event.scanId());
        if (events != null) {
            events.add(event);
        }
        listeners.record(event);
    }

    /** Passed on only: an outcome's timings are the four steps'. */
    @Override
    public void recordImageLoad(ImageLoadEvent event) {
        listeners.recordImageLoad(event);
    }

    /** Scans whose events are being kept; zero when no scan is running. */
    public int scansInFlight() {
        return open.size();
    }
}
