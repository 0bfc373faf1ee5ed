package dev.ecoscan.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.scan.StepStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepLedgerTest {

    private final List<StepEvent> forwarded = new ArrayList<>();
    private final StepLedger ledger = new StepLedger(forwarded::add);

    @Test
    void events_of_an_open_scan_are_kept_for_it_and_forwarded() {
        ScanId mine = ScanId.random();
        ScanId other = ScanId.random();
        ledger.open(mine, StepRecorder.none());
        ledger.open(other, StepRecorder.none());

        ledger.record(event(mine, Step.VISION));
        ledger.record(event(other, Step.VISION));
        ledger.record(event(mine, Step.RAG));

        assertThat(ledger.close(mine)).extracting(StepEvent::step).containsExactly(Step.VISION, Step.RAG);
        assertThat(forwarded).hasSize(3);
    }

    @Test
    void each_scan_s_own_listener_hears_only_that_scan_s_events_and_none_after_close() {
        ScanId mine = ScanId.random();
        ScanId other = ScanId.random();
        List<StepEvent> mineHeard = new ArrayList<>();
        List<StepEvent> otherHeard = new ArrayList<>();
        ledger.open(mine, mineHeard::add);
        ledger.open(other, otherHeard::add);

        ledger.record(event(mine, Step.VISION));
        ledger.record(event(other, Step.VISION));
        ledger.record(event(other, Step.RAG));
        ledger.close(mine);
        ledger.record(event(mine, Step.RAG));

        assertThat(mineHeard).extracting(StepEvent::step).containsExactly(Step.VISION);
        assertThat(mineHeard).extracting(StepEvent::scanId).containsOnly(mine);
        assertThat(otherHeard).extracting(StepEvent::step).containsExactly(Step.VISION, Step.RAG);
        assertThat(otherHeard).extracting(StepEvent::scanId).containsOnly(other);
        assertThat(forwarded).hasSize(4);
    }

    @Test
    void an_event_arriving_after_close_is_forwarded_but_not_kept() {
        ScanId scan = ScanId.random();
        ledger.open(scan, StepRecorder.none());
        ledger.close(scan);

        ledger.record(event(scan, Step.ANSWER));

        assertThat(forwarded).hasSize(1);
        assertThat(ledger.scansInFlight()).isZero();
    }

    @Test
    void one_scan_id_cannot_run_twice_at_once() {
        ScanId scan = ScanId.random();
        ledger.open(scan, StepRecorder.none());

        assertThatThrownBy(() -> ledger.open(scan, StepRecorder.none())).hasMessageContaining("already running");
    }

    private static StepEvent event(ScanId scan, Step step) {
        return new StepEvent(scan, step, Duration.ofMillis(1), StepStatus.SUCCESS);
    }
}
