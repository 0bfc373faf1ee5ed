package dev.ecoscan.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.scan.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentRecordingTest {

    private static final int THREADS = 50;
    private static final int EVENTS_PER_THREAD = 1_000;

    private final EcoScanMetrics metrics = EcoScanMetrics.create();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void fifty_virtual_threads_recording_a_thousand_events_each_lose_no_count_while_being_scraped() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean recording = new AtomicBoolean(true);
        List<Future<?>> recorders = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // Scrapes run during recording, as Prometheus's would: they must neither fail nor block it.
            Future<Integer> scraper = threads.submit(() -> {
                int scrapes = 0;
                while (recording.get()) {
                    assertThat(metrics.scrape(null).body()).isNotEmpty();
                    scrapes++;
                }
                return scrapes;
            });
            for (int t = 0; t < THREADS; t++) {
                recorders.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                        Step step = Step.values()[i % 4];
                        metrics.record(ScanFixtures.step(step, Duration.ofMillis(100)));
                        metrics.record(ScanFixtures.modelCall(step, 10, 1, Duration.ofMillis(100), "ok"));
                        metrics.recordHttp(
                                "POST", "/api/v1/scan/classify", i % 10 == 0 ? 503 : 200, Duration.ofMillis(100));
                        metrics.recordScan(ScanFixtures.completed(ScanFixtures.granted()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> recorder : recorders) {
                recorder.get();
            }
            recording.set(false);
            assertThat(scraper.get()).isPositive();
        }

        ScrapeText text = ScrapeText.of(metrics.scrape(null));
        int total = THREADS * EVENTS_PER_THREAD;
        for (Step step : Step.values()) {
            Map<String, String> labels = Map.of("step", step.label());
            assertThat(text.value("scan_pipeline_step_duration_seconds_count", labels))
                    .isEqualTo(total / 4);
            assertThat(text.value(
                            "scan_pipeline_step_duration_seconds_bucket", Map.of("step", step.label(), "le", "0.1")))
                    .isEqualTo(total / 4);
            assertThat(text.value(
                            "gen_ai_client_token_usage_sum",
                            Map.of("step", step.label(), "gen_ai_token_type", "input")))
                    .isEqualTo(10.0 * total / 4);
        }
        assertThat(text.value("http_requests_total", Map.of("status_code", "200")))
                .isEqualTo(total * 9 / 10);
        assertThat(text.value("http_requests_total", Map.of("status_code", "503")))
                .isEqualTo(total / 10);
        assertThat(text.value("http_request_duration_seconds_count", Map.of("path", "/api/v1/scan/classify")))
                .isEqualTo(total);
        assertThat(text.value("scans_total", Map.of("reason", "granted"))).isEqualTo(total);
        assertThat(text.value("scan_rewards_total", Map.of("reward", "granted")))
                .isEqualTo(total);
    }
}
