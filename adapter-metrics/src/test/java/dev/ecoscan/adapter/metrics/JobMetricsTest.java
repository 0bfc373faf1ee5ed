package dev.ecoscan.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.Step;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobMetricsTest {

    @Test
    void job_waits_outcomes_and_redeliveries_are_scraped_under_their_names() {
        try (EcoScanMetrics metrics = EcoScanMetrics.create()) {
            metrics.started(Duration.ofMillis(250));
            metrics.finished(new ScanOutcome.Failed(
                    ScanId.random(), Optional.empty(), Step.ANSWER, FailureKind.UPSTREAM_TIMEOUT, "slow", List.of()));
            metrics.redelivered();

            String text = metrics.scrape("text/plain").body();

            assertThat(text)
                    .contains(
                            "scan_job_wait_seconds_count 1",
                            "scan_job_wait_seconds_bucket{le=\"0.3\"} 1",
                            "scan_jobs_total{outcome=\"failed\"} 1.0",
                            "scan_jobs_redelivered_total 1.0",
                            "scans_total{outcome=\"failed\",reason=\"upstream_timeout\"} 1.0");
        }
    }
}
