package dev.ecoscan.application.calls;

import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.scan.ScanId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each scan's model calls until they are taken: by the command line for its token report, by
 * the service for the scan's log line (which endpoint served each step). Bounded, because a scan
 * whose calls nobody takes (an asynchronous job, a failed request) must not make it grow forever.
 */
public final class ModelCallLog implements ModelCallRecorder {

    /** Far more scans than are ever in flight at once; past it the oldest entries are dropped. */
    static final int MAX_SCANS = 20_000;

    private final Map<ScanId, List<ModelCall>> byScan = new ConcurrentHashMap<>();

    /** An empty log. */
    public ModelCallLog() {}

    @Override
    public void record(ModelCall call) {
        byScan.compute(call.scanId(), (id, calls) -> {
            List<ModelCall> kept = calls == null ? new ArrayList<>() : calls;
            kept.add(call);
            return kept;
        });
        if (byScan.size() > MAX_SCANS) {
            Iterator<ScanId> any = byScan.keySet().iterator();
            if (any.hasNext()) {
                byScan.remove(any.next());
            }
        }
    }

    /** How many scans have calls kept. */
    int size() {
        return byScan.size();
    }

    /**
     * The calls of one scan, forgetting them.
     *
     * @param scanId the scan
     * @return its calls in the order they ended, possibly none
     */
    public List<ModelCall> take(ScanId scanId) {
        List<ModelCall> calls = byScan.remove(scanId);
        return calls == null ? List.of() : List.copyOf(calls);
    }

    /**
     * Step label to the endpoint whose call succeeded for it, forgetting the scan's calls.
     *
     * @param scanId the scan
     * @return step label to endpoint, e.g. {@code vision} to {@code primary}
     */
    public Map<String, String> takeServedBy(ScanId scanId) {
        Map<String, String> servedBy = new LinkedHashMap<>();
        take(scanId).stream()
                .filter(ModelCall::succeeded)
                .forEach(call -> servedBy.put(call.step().label(), call.endpoint()));
        return servedBy;
    }
}
