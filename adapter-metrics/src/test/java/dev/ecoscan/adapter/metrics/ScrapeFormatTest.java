package dev.ecoscan.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ecoscan.domain.port.MetricsScrape.Scrape;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScrapeFormatTest {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    /** The Accept header Prometheus 2.x sends with every scrape. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private final EcoScanMetrics metrics = EcoScanMetrics.create();

    @AfterEach
    void close() {
        metrics.close();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "*/*",
                "text/plain",
                "text/plain;version=0.0.4",
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited"
            })
    void anything_but_an_open_metrics_request_gets_prometheus_text_0_0_4(String accept) {
        metrics.recordHttp("POST", "/api/v1/scan/classify", 200, Duration.ofSeconds(9));

        Scrape scrape = metrics.scrape(accept);

        assertThat(scrape.contentType()).isEqualTo(PROMETHEUS_TEXT);
        assertThat(scrape.body()).contains("# TYPE http_requests_total counter").doesNotContain("# EOF");
    }

    @Test
    void an_open_metrics_request_gets_open_metrics() {
        metrics.recordHttp("POST", "/api/v1/scan/classify", 200, Duration.ofSeconds(9));
        metrics.record(ScanFixtures.step(Step.VISION, Duration.ofMillis(3500)));

        Scrape scrape = metrics.scrape(PROMETHEUS_ACCEPT);

        assertThat(scrape.contentType()).isEqualTo(OPEN_METRICS);
        assertThat(scrape.body())
                .contains("# TYPE http_requests counter")
                .contains("http_requests_total{method=\"POST\",path=\"/api/v1/scan/classify\",service=\"scan-api\","
                        + "status_code=\"200\"} 1.0")
                .contains("scan_pipeline_step_duration_seconds_bucket{step=\"vision\",le=\"3.5\"} 1")
                .endsWith("# EOF\n");
    }

    @Test
    void jvm_and_process_metrics_are_bound() {
        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        for (String name : new String[] {
            "jvm_memory_used_bytes",
            "jvm_gc_max_data_size_bytes",
            "jvm_threads_live_threads",
            "jvm_classes_loaded_classes",
            "system_cpu_count",
            "process_cpu_usage",
            "process_uptime_seconds",
            "process_files_open_files"
        }) {
            assertThat(text.samples(name)).as(name).isNotEmpty();
        }
    }

    @Test
    void recording_never_throws_into_the_caller() {
        assertThatCode(() -> {
                    metrics.record((StepEvent) null);
                    metrics.record((ModelCall) null);
                    metrics.recordScan((ScanOutcome) null);
                    metrics.recordHttp(null, null, 500, null);
                    metrics.recordHttp("POST", "/api/v1/scan/classify", 200, Duration.ofSeconds(-1));
                })
                .doesNotThrowAnyException();

        ScrapeText text = ScrapeText.of(metrics.scrape(null));
        assertThat(text.samples("jvm_memory_used_bytes")).isNotEmpty();
        assertThat(text.value("http_requests_total", Map.of("status_code", "200")))
                .isEqualTo(1);
        assertThat(text.samples("http_request_duration_seconds_count", Map.of("path", "/api/v1/scan/classify")))
                .as("a negative time is not recorded")
                .isEmpty();
    }

    @Test
    void closing_twice_is_harmless() {
        metrics.close();

        assertThatCode(metrics::close).doesNotThrowAnyException();
    }
}
