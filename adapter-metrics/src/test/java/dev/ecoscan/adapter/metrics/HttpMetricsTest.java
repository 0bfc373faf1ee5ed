package dev.ecoscan.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import dev.ecoscan.adapter.metrics.ScrapeText.Sample;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpMetricsTest {

    private static final String CLASSIFY = "/api/v1/scan/classify";
    private static final Map<String, String> ROUTE = Map.of("service", "scan-api", "method", "POST", "path", CLASSIFY);

    private final EcoScanMetrics metrics = EcoScanMetrics.create();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void the_duration_histogram_has_the_reference_labels_and_the_counter_adds_the_status_code() {
        metrics.recordHttp("POST", CLASSIFY, 200, Duration.ofMillis(9300));

        Scrape scrape = metrics.scrape(null);
        ScrapeText text = ScrapeText.of(scrape);

        assertThat(scrape.body()).contains("http_request_duration_seconds_bucket{method=\"POST\",path=\"/api/v1/scan/classify\","
                + "service=\"scan-api\",le=\"9.3\"} 1");
        assertThat(text.samples("http_request_duration_seconds_bucket")).hasSize(601)
                .allSatisfy(s -> assertThat(s.labels()).containsOnlyKeys("service", "method", "path", "le"));
        assertThat(text.samples("http_request_duration_seconds_count")).singleElement()
                .satisfies(s -> assertThat(s.labels()).isEqualTo(ROUTE));
        assertThat(text.samples("http_request_duration_seconds_sum")).singleElement()
                .satisfies(s -> assertThat(s.labels()).isEqualTo(ROUTE));
        assertThat(text.samples("http_requests_total")).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "service", "scan-api", "method", "POST", "path", CLASSIFY, "status_code", "200")));
    }

    @Test
    void requests_are_counted_per_status_code_and_timed_per_route() {
        metrics.recordHttp("POST", CLASSIFY, 200, Duration.ofSeconds(8));
        metrics.recordHttp("POST", CLASSIFY, 200, Duration.ofSeconds(10));
        metrics.recordHttp("POST", CLASSIFY, 200, Duration.ofSeconds(12));
        metrics.recordHttp("POST", CLASSIFY, 503, Duration.ofMillis(20));
        metrics.recordHttp("GET", "/api/v1/scan/{job_id}/result", 202, Duration.ofMillis(3));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        assertThat(text.samples("http_requests_total")).extracting(s -> s.labels().get("path"), s -> s.labels().get("status_code"),
                Sample::value).containsExactlyInAnyOrder(
                        tuple(CLASSIFY, "200", 3.0),
                        tuple(CLASSIFY, "503", 1.0),
                        tuple("/api/v1/scan/{job_id}/result", "202", 1.0));
        assertThat(text.value("http_request_duration_seconds_count", ROUTE)).isEqualTo(4);
        assertThat(text.value("http_request_duration_seconds_sum", ROUTE)).isEqualTo(30.02);
        assertThat(text.value("http_request_duration_seconds_bucket", Map.of("path", CLASSIFY, "le", "10.0")))
                .isEqualTo(3);
    }

    @Test
    void raw_paths_recorded_by_mistake_stop_adding_series_at_the_cap() {
        assertThatCode(() -> {
            for (int i = 0; i < EcoScanMetrics.MAX_PATHS + 50; i++) {
                metrics.recordHttp("GET", "/api/v1/scan/" + i + "/result", 200, Duration.ofMillis(5));
            }
        }).doesNotThrowAnyException();

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        assertThat(text.samples("http_requests_total")).hasSize(EcoScanMetrics.MAX_PATHS);
        assertThat(text.samples("http_request_duration_seconds_count")).hasSize(EcoScanMetrics.MAX_PATHS);
    }
}
