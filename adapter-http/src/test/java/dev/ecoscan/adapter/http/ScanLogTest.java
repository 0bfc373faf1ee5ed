package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.scan.StepStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** The scan's log line carries its facts as key-value pairs, so a JSON backend writes them as fields. */
class ScanLogTest {

    private final Logger scanLog = (Logger) LoggerFactory.getLogger("eco-scan.scan");
    private final ListAppender<ILoggingEvent> capture = new ListAppender<>();
    private Level before;

    @BeforeEach
    void capture() {
        // The tests' backend logs warnings only; the scan line is INFO.
        before = scanLog.getLevel();
        scanLog.setLevel(Level.INFO);
        capture.start();
        scanLog.addAppender(capture);
    }

    @AfterEach
    void release() {
        scanLog.detachAppender(capture);
        scanLog.setLevel(before);
    }

    @Test
    void a_failed_scan_logs_its_task_id_outcome_step_reason_detail_and_timings_as_pairs() {
        ScanId id = ScanId.random();
        ScanOutcome failed = new ScanOutcome.Failed(
                id,
                Optional.of("a question nobody should see in the log"),
                Step.ANSWER,
                FailureKind.UPSTREAM_UNAVAILABLE,
                "primary answered 503",
                List.of(
                        new StepEvent(id, Step.VISION, Duration.ofMillis(1500), StepStatus.SUCCESS),
                        new StepEvent(id, Step.ANSWER, Duration.ofMillis(250), StepStatus.FAILED)));

        ScanLog.log(failed, 502, Duration.ofMillis(1800), Map.of("vision", "primary"));

        assertThat(capture.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
            assertThat(line.getFormattedMessage()).isEqualTo("scan failed");
            Map<String, Object> pairs = pairs(line);
            assertThat(pairs)
                    .containsEntry("event", "scan")
                    .containsEntry("task_id", id.toString())
                    .containsEntry("http_status", 502)
                    .containsEntry("outcome", "failed")
                    .containsEntry("step", "answer")
                    .containsEntry("reason", "upstream_unavailable")
                    .containsEntry("detail", "primary answered 503")
                    .containsEntry("served_by", Map.of("vision", "primary"))
                    .containsEntry("seconds", 1.8)
                    .containsEntry("steps", Map.of("vision", 1.5, "answer", 0.25));
            assertThat(String.valueOf(pairs)).doesNotContain("a question nobody should see");
        });
    }

    private static Map<String, Object> pairs(ILoggingEvent line) {
        Map<String, Object> pairs = new LinkedHashMap<>();
        for (KeyValuePair pair : line.getKeyValuePairs()) {
            pairs.put(pair.key, pair.value);
        }
        return pairs;
    }
}
