package dev.ecoscan.application;

import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.StepEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the step events of the scans in flight so each outcome can carry its own timings, and
 * passes every event on to the listeners (metrics, logs, job progress).
 */
public final class StepLedger implements StepRecorder {

    private final StepRecorder listeners;
    private final Map<ScanId, List<StepEvent>> open = new ConcurrentHashMap<>();

    public StepLedger(StepRecorder listeners) {
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    /** Starts keeping events of a scan. */
    void open(ScanId scanId) {
        if (open.putIfAbsent(scanId, new ArrayList<>()) != null) {
            throw new IllegalStateException("scan " + scanId + " is already running");
        }
    }

    /**
     * Stops keeping events of a scan and returns them. A step abandoned at the deadline that ends
     * later still reaches the listeners, but no longer this scan's outcome.
     */
    List<StepEvent> close(ScanId scanId) {
        List<StepEvent> events = open.remove(scanId);
        if (events == null) {
            return List.of();
        }
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public void record(StepEvent event) {
        List<StepEvent> events = open.get(event.scanId());
        if (events != null) {
            synchronized (events) {
                events.add(event);
            }
        }
        listeners.record(event);
    }

    /** Scans whose events are being kept; zero when no scan is running. */
    public int scansInFlight() {
        return open.size();
    }
}
