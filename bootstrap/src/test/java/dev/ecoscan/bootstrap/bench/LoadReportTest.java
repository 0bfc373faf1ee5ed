package dev.ecoscan.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void cpu_per_scan_is_the_service_cpu_over_the_steady_window_per_scan_answered_200_in_it() {
        List<Sample> samples = List.of(
                // finished during the ramp-up: not counted
                new Sample(0, 5 * SECOND, 200, 4.0),
                // three 200s and one 503 finished in the steady window
                new Sample(8 * SECOND, 4 * SECOND, 200, 4.0),
                new Sample(9 * SECOND, 4 * SECOND, 200, 4.0),
                new Sample(10 * SECOND, 4 * SECOND, 200, 4.0),
                new Sample(10 * SECOND, 1 * SECOND, 503, 0),
                // finished after the end: not counted
                new Sample(18 * SECOND, 4 * SECOND, 200, 4.0));

        LoadReport report = LoadReport.of(2, samples, 10 * SECOND, 20 * SECOND, 0.3, 1 << 20, 2, Duration.ofMillis(30));

        assertThat(report.cpuPerScanMillis()).isEqualTo(10.0);
        assertThat(report.describe())
                .contains("users 2, steady state 10 s: 4 scans")
                .endsWith("cpu per scan 10.00 ms (process CPU 0.03 s over 3 scans)");
    }

    @Test
    void a_window_without_a_completed_scan_reports_no_cpu_per_scan() {
        LoadReport report = LoadReport.of(
                1, List.of(new Sample(SECOND, SECOND, 503, 0)), 0, 10 * SECOND, 0.3, 0, 0, Duration.ofMillis(5));

        assertThat(report.cpuPerScanMillis()).isZero();
    }
}
