package dev.ecoscan.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

        LoadReport report = LoadReport.of(
                2,
                samples,
                10 * SECOND,
                20 * SECOND,
                0.3,
                1 << 20,
                2,
                new ProcessCpu(Duration.ofMillis(30), Optional.of(Duration.ofMillis(12))));

        assertThat(report.cpuPerScanMillis()).isEqualTo(10.0);
        assertThat(report.describe())
                .contains("users 2, steady state 10 s: 4 scans")
                .endsWith(
                        "cpu per scan 10.00 ms (process CPU 0.03 s over 3 scans); JIT compiler threads 4.00 ms of it");
    }

    @Test
    void where_the_os_does_not_tell_the_compilers_share_the_report_leaves_it_out() {
        LoadReport report = LoadReport.of(
                1,
                List.of(new Sample(SECOND, SECOND, 200, 0.5)),
                0,
                10 * SECOND,
                0.3,
                0,
                0,
                new ProcessCpu(Duration.ofMillis(5), Optional.empty()));

        assertThat(report.describe()).endsWith("cpu per scan 5.00 ms (process CPU 0.01 s over 1 scans)");
    }

    @Test
    void a_compiler_reading_that_went_down_between_the_ends_of_the_window_is_unknown_not_negative() {
        ProcessCpu start = new ProcessCpu(Duration.ofSeconds(1), Optional.of(Duration.ofMillis(800)));
        ProcessCpu end = new ProcessCpu(Duration.ofSeconds(3), Optional.of(Duration.ofMillis(500)));

        assertThat(end.minus(start)).isEqualTo(new ProcessCpu(Duration.ofSeconds(2), Optional.empty()));
    }

    @Test
    void this_jvms_own_compiler_threads_are_found_on_linux() {
        Optional<Duration> compiler =
                ProcessCpu.compilerThreads(ProcessHandle.current().pid());

        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            // A JVM that has run the test framework has compiled something.
            assertThat(compiler).hasValueSatisfying(cpu -> assertThat(cpu).isPositive());
        } else {
            assertThat(compiler).isEmpty();
        }
    }

    @Test
    void a_window_without_a_completed_scan_reports_no_cpu_per_scan() {
        LoadReport report = LoadReport.of(
                1,
                List.of(new Sample(SECOND, SECOND, 503, 0)),
                0,
                10 * SECOND,
                0.3,
                0,
                0,
                new ProcessCpu(Duration.ofMillis(5), Optional.empty()));

        assertThat(report.cpuPerScanMillis()).isZero();
    }
}
