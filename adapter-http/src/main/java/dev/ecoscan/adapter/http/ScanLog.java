package dev.ecoscan.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.StepEvent;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One structured log line per scan, keyed by {@code task_id}, with its outcome, step timings and the
 * endpoint that served each LLM step: enough to follow one slow scan without metrics. The user is
 * not logged.
 */
final class ScanLog {

    private static final System.Logger LOG = System.getLogger("eco-scan.scan");

    private ScanLog() {}

    static void log(ScanOutcome outcome, int httpStatus, Duration took, Map<String, String> servedBy) {
        if (!LOG.isLoggable(System.Logger.Level.INFO)) {
            return;
        }
        ObjectNode line = ScanBodies.JSON.createObjectNode();
        line.put("event", "scan");
        line.put("task_id", outcome.scanId().toString());
        line.put("http_status", httpStatus);
        switch (outcome) {
            case ScanOutcome.Completed done -> {
                line.put("outcome", "completed");
                line.put(
                        "item",
                        done.classification()
                                .item()
                                .map(item -> item.id().value())
                                .orElse(done.classification()
                                                .path()
                                                .ruleNode()
                                                .id()
                                                .value() + ":unrecognised"));
                line.put("reward", done.reward().getClass().getSimpleName());
            }
            case ScanOutcome.Rejected rejected -> {
                line.put("outcome", "rejected");
                line.put("reason", rejected.reason().name().toLowerCase(Locale.ROOT));
            }
            case ScanOutcome.Failed failed -> {
                line.put("outcome", "failed");
                line.put("step", failed.step().label());
                line.put("reason", failed.kind().name().toLowerCase(Locale.ROOT));
                // eco-scan's own account of what went wrong (the endpoints tried, statuses): for the
                // operator only, since the client's problem body carries a fixed message instead.
                line.put("detail", failed.detail());
            }
        }
        if (!servedBy.isEmpty()) {
            ObjectNode endpoints = line.putObject("served_by");
            servedBy.forEach(endpoints::put);
        }
        line.put("seconds", took.toNanos() / 1e9);
        ObjectNode steps = line.putObject("steps");
        for (StepEvent event : outcome.timings()) {
            steps.put(event.step().label(), event.duration().toNanos() / 1e9);
        }
        try {
            LOG.log(System.Logger.Level.INFO, ScanBodies.JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            LOG.log(System.Logger.Level.WARNING, "scan " + outcome.scanId() + " could not be logged", e);
        }
    }
}
