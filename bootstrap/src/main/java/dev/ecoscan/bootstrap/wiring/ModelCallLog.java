package dev.ecoscan.bootstrap.wiring;

import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.scan.ScanId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each scan's model calls until the command line has shown them (tokens per step). A long-
 * running service reports calls to metrics instead and must not keep them.
 */
public final class ModelCallLog implements ModelCallRecorder {

    private final Map<ScanId, List<ModelCall>> byScan = new ConcurrentHashMap<>();

    @Override
    public void record(ModelCall call) {
        byScan.computeIfAbsent(call.scanId(), id -> new ArrayList<>());
        byScan.computeIfPresent(call.scanId(), (id, calls) -> {
            calls.add(call);
            return calls;
        });
    }

    /** The calls of one scan, forgetting them. */
    public List<ModelCall> take(ScanId scanId) {
        List<ModelCall> calls = byScan.remove(scanId);
        return calls == null ? List.of() : List.copyOf(calls);
    }
}
