package dev.ecoscan.application.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each scan's calls are kept apart, taken once, and never pile up for scans nobody asks about. */
class ModelCallLogTest {

    private final ModelCallLog log = new ModelCallLog();

    @Test
    void a_scan_takes_only_its_own_calls_and_only_once() {
        ScanId mine = ScanId.random();
        ScanId other = ScanId.random();
        log.record(call(mine, Step.VISION, "primary", "ok"));
        log.record(call(other, Step.VISION, "primary", "ok"));
        log.record(call(mine, Step.ANSWER, "primary", "ok"));

        assertThat(log.take(mine)).extracting(ModelCall::step).containsExactly(Step.VISION, Step.ANSWER);
        assertThat(log.take(mine)).isEmpty();
        assertThat(log.take(other)).hasSize(1);
    }

    @Test
    void served_by_names_the_endpoint_whose_call_succeeded_for_each_step() {
        ScanId scan = ScanId.random();
        log.record(call(scan, Step.VISION, "primary", "server_error"));
        log.record(call(scan, Step.VISION, "fallback", "ok"));
        log.record(call(scan, Step.ANSWER, "primary", "ok"));

        assertThat(log.takeServedBy(scan))
                .isEqualTo(Map.of(Step.VISION.label(), "fallback", Step.ANSWER.label(), "primary"));
    }

    @Test
    void scans_nobody_takes_are_dropped_past_the_bound() {
        for (int i = 0; i < ModelCallLog.MAX_SCANS + 50; i++) {
            log.record(call(ScanId.random(), Step.VISION, "primary", "ok"));
        }

        assertThat(log.size()).isBetween(ModelCallLog.MAX_SCANS - 1, ModelCallLog.MAX_SCANS);
    }

    private static ModelCall call(ScanId scan, Step step, String endpoint, String outcome) {
        return new ModelCall(
                scan, step, endpoint, "openai", "gpt-4.1-mini", 10, 5, Optional.empty(), Duration.ofMillis(3), outcome);
    }
}
