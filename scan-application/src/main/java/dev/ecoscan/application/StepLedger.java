package dev.ecoscan.application;

import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.AnswerDelta;
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
 * Keeps the step events of the scans in flight so each outcome can carry its own timings, passes
 * every event on to the listeners of all scans (metrics, logs), and each scan's events to that
 * scan's own listener (its job's progress). Each scan's events are a lock-free queue, not a list
 * under a monitor: steps report from virtual threads, which a contended monitor pins to their
 * carrier on JDK 21-23.
 */
public final class StepLedger implements StepRecorder {

    private final StepRecorder listeners;
    private final Map<ScanId, OpenScan> open = new ConcurrentHashMap<>();

    /** A scan in flight: its events so far, and who follows it. */
    private record OpenScan(Queue<StepEvent> events, StepRecorder progress) {}

    /**
     * A ledger that passes every event on to {@code listeners} as well.
     *
     * @param listeners told of every step event of every scan
     */
    public StepLedger(StepRecorder listeners) {
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    /** Starts keeping events of a scan, and telling {@code progress} of them. */
    void open(ScanId scanId, StepRecorder progress) {
        OpenScan scan = new OpenScan(new ConcurrentLinkedQueue<>(), Objects.requireNonNull(progress, "progress"));
        if (open.putIfAbsent(scanId, scan) != null) {
            throw new IllegalStateException("scan " + scanId + " is already running");
        }
    }

    /**
     * Stops keeping events of a scan and returns them. A step abandoned at the deadline that ends
     * later still reaches the listeners of all scans, but no longer this scan's outcome or its own
     * listener.
     */
    List<StepEvent> close(ScanId scanId) {
        OpenScan scan = open.remove(scanId);
        return scan == null ? List.of() : List.copyOf(scan.events());
    }

    @Override
    public void record(StepEvent event) {
        OpenScan scan = open.get(event.scanId());
        if (scan != null) {
            scan.events().add(event);
        }
        listeners.record(event);
        if (scan != null) {
            scan.progress().record(event);
        }
    }

    /** Passed on only: an outcome's timings are the four steps'. */
    @Override
    public void recordImageLoad(ImageLoadEvent event) {
        listeners.recordImageLoad(event);
    }

    /** Passed on to the scan's own listener, and to the listeners of all scans. */
    @Override
    public void recordAnswerDelta(AnswerDelta delta) {
        listeners.recordAnswerDelta(delta);
        OpenScan scan = open.get(delta.scanId());
        if (scan != null) {
            scan.progress().recordAnswerDelta(delta);
        }
    }

    /**
     * Scans whose events are being kept; zero when no scan is running.
     *
     * @return the number of scans in flight
     */
    public int scansInFlight() {
        return open.size();
    }
}
