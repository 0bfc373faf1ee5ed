package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.StepEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One structured log line per scan, keyed by {@code task_id}, with its outcome, step timings and the
 * endpoint that served each LLM step: enough to follow one slow scan without metrics. The facts are
 * SLF4J key-value pairs, so a JSON backend writes them as fields of the line, not as text inside its
 * message. The user is not logged.
 */
final class ScanLog {

    private static final Logger LOG = LoggerFactory.getLogger("eco-scan.scan");

    private ScanLog() {}

    static void log(ScanOutcome outcome, int httpStatus, Duration took, Map<String, String> servedBy) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        LoggingEventBuilder line = details(
                outcome,
                LOG.atInfo()
                        .addKeyValue("event", "scan")
                        .addKeyValue("task_id", outcome.scanId().toString())
                        .addKeyValue("http_status", httpStatus)
                        .addKeyValue("outcome", outcomeWord(outcome)));
        if (!servedBy.isEmpty()) {
            line = line.addKeyValue("served_by", servedBy);
        }
        Map<String, Double> steps = new LinkedHashMap<>();
        for (StepEvent event : outcome.timings()) {
            steps.put(event.step().label(), seconds(event.duration()));
        }
        line.addKeyValue("seconds", seconds(took)).addKeyValue("steps", steps).log("scan " + outcomeWord(outcome));
    }

    /** What the outcome adds: the item and reward, or why it was rejected, or where and why it failed. */
    private static LoggingEventBuilder details(ScanOutcome outcome, LoggingEventBuilder line) {
        return switch (outcome) {
            case ScanOutcome.Completed done ->
                line.addKeyValue("item", itemOf(done))
                        .addKeyValue("reward", done.reward().getClass().getSimpleName());
            case ScanOutcome.Rejected rejected ->
                line.addKeyValue("reason", lower(rejected.reason().name()));
            case ScanOutcome.Failed failed ->
                line.addKeyValue("step", failed.step().label())
                        .addKeyValue("reason", lower(failed.kind().name()))
                        // eco-scan's own account of what went wrong (the endpoints tried, statuses): for
                        // the operator only, since the client's problem body carries a fixed message.
                        .addKeyValue("detail", failed.detail());
        };
    }

    private static String itemOf(ScanOutcome.Completed done) {
        return done.classification()
                .item()
                .map(item -> item.id().value())
                .orElse(done.classification().path().ruleNode().id().value() + ":unrecognised");
    }

    private static String outcomeWord(ScanOutcome outcome) {
        return switch (outcome) {
            case ScanOutcome.Completed done -> "completed";
            case ScanOutcome.Rejected rejected -> "rejected";
            case ScanOutcome.Failed failed -> "failed";
        };
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
