package dev.ecoscan.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import dev.ecoscan.adapter.metrics.ScrapeText.Sample;
import dev.ecoscan.domain.port.MetricsScrape.Scrape;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

        assertThat(scrape.body())
                .contains("http_request_duration_seconds_bucket{method=\"POST\",path=\"/api/v1/scan/classify\","
                        + "service=\"scan-api\",le=\"9.3\"} 1");
        assertThat(text.samples("http_request_duration_seconds_bucket", ROUTE))
                .hasSize(601)
                .allSatisfy(s -> assertThat(s.labels()).containsOnlyKeys("service", "method", "path", "le"));
        assertThat(text.samples("http_request_duration_seconds_count", Map.of("path", CLASSIFY)))
                .singleElement()
                .satisfies(s -> assertThat(s.labels()).isEqualTo(ROUTE));
        assertThat(text.samples("http_request_duration_seconds_sum", Map.of("path", CLASSIFY)))
                .singleElement()
                .satisfies(s -> assertThat(s.labels()).isEqualTo(ROUTE));
        assertThat(text.samples("http_requests_total", Map.of("path", CLASSIFY)))
                .singleElement()
                .satisfies(s -> assertThat(s.labels())
                        .containsExactlyInAnyOrderEntriesOf(Map.of(
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

        assertThat(requests(text))
                .extracting(s -> s.labels().get("path"), s -> s.labels().get("status_code"), Sample::value)
                .containsExactlyInAnyOrder(
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
                })
                .doesNotThrowAnyException();

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        // "unmatched", made at start-up, is one of the hundred.
        assertThat(text.samples("http_requests_total", Map.of("method", "GET"))).hasSize(EcoScanMetrics.MAX_PATHS - 1);
        assertThat(text.samples("http_request_duration_seconds_count", Map.of("method", "GET")))
                .hasSize(EcoScanMetrics.MAX_PATHS - 1);
    }

    @Test
    void a_made_up_method_on_a_real_route_adds_no_series_to_the_scrape() {
        long atStartUp = ownLines(metrics.scrape(null));

        metrics.recordHttp("FOOBARBAZ", "/health/live", 405, Duration.ofMillis(2));

        Scrape scrape = metrics.scrape(null);
        assertThat(ownLines(scrape)).isEqualTo(atStartUp);
        ScrapeText text = ScrapeText.of(scrape);
        assertThat(text.value(
                        "http_requests_total", Map.of("method", "other", "path", "unmatched", "status_code", "405")))
                .isEqualTo(1);
        assertThat(text.value("http_request_duration_seconds_count", Map.of("method", "other", "path", "unmatched")))
                .isEqualTo(1);
        assertThat(scrape.body()).doesNotContain("FOOBARBAZ");
    }

    @Test
    void hundreds_of_made_up_methods_and_raw_paths_add_no_series_either() {
        long atStartUp = ownLines(metrics.scrape(null));

        for (int i = 0; i < 300; i++) {
            metrics.recordHttp("M" + i, "/x" + i, 404, Duration.ofMillis(1));
            metrics.recordHttp("m" + i, "/health/live", 405, Duration.ofMillis(1));
        }

        assertThat(ownLines(metrics.scrape(null))).isEqualTo(atStartUp);
        assertThat(ScrapeText.of(metrics.scrape(null))
                        .value("http_requests_total", Map.of("path", "unmatched", "status_code", "404")))
                .isEqualTo(300);
    }

    @Test
    void the_series_a_client_can_reach_with_made_up_methods_exist_from_start_up() {
        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        assertThat(text.samples("http_requests_total"))
                .extracting(
                        s -> s.labels().get("method"),
                        s -> s.labels().get("path"),
                        s -> s.labels().get("status_code"),
                        Sample::value)
                .containsExactlyInAnyOrder(
                        tuple("other", "unmatched", "404", 0.0), tuple("other", "unmatched", "405", 0.0));
        assertThat(text.samples("http_request_duration_seconds_count"))
                .singleElement()
                .satisfies(s ->
                        assertThat(s.labels()).containsEntry("method", "other").containsEntry("path", "unmatched"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "Get", "FOOBARBAZ", "!#$%&'*+-.^_`|~", "", "GET ", "PROPFIND"})
    void a_method_outside_the_standard_nine_is_other_and_its_path_unmatched(String method) {
        metrics.recordHttp(method, CLASSIFY, 405, Duration.ofMillis(1));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));
        assertThat(text.value("http_requests_total", Map.of("status_code", "405")))
                .isEqualTo(1);
        assertThat(text.samples("http_requests_total", Map.of("path", CLASSIFY)))
                .isEmpty();
    }

    @Test
    void the_standard_methods_are_kept_as_they_are() {
        List<String> standard = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
        standard.forEach(method -> metrics.recordHttp(method, "/health/live", 405, Duration.ofMillis(1)));

        assertThat(ScrapeText.of(metrics.scrape(null)).samples("http_requests_total", Map.of("path", "/health/live")))
                .extracting(s -> s.labels().get("method"))
                .containsExactlyInAnyOrderElementsOf(standard);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/scan/%2e%2e/result",
                "/caf\u00e9",
                "/a b",
                "/a?b=c",
                "no-slash",
                "other",
                "//",
                "/api/v1/scan/classify/"
            })
    void a_path_that_is_no_route_template_is_unmatched(String path) {
        metrics.recordHttp("GET", path, 404, Duration.ofMillis(1));

        assertThat(ScrapeText.of(metrics.scrape(null)).value("http_requests_total", Map.of("method", "GET")))
                .isEqualTo(1);
        assertThat(ScrapeText.of(metrics.scrape(null))
                        .samples("http_requests_total", Map.of("method", "GET", "path", "unmatched")))
                .hasSize(1);
    }

    @Test
    void a_missing_path_or_an_impossible_status_is_recorded_under_the_bounded_labels() {
        metrics.recordHttp("GET", null, 404, Duration.ofMillis(1));
        metrics.recordHttp("GET", "/health/live", 700, Duration.ofMillis(1));
        metrics.recordHttp("GET", "/health/live", -1, Duration.ofMillis(1));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));
        assertThat(text.value("http_requests_total", Map.of("method", "GET", "path", "unmatched")))
                .isEqualTo(1);
        assertThat(text.value("http_requests_total", Map.of("path", "/health/live", "status_code", "other")))
                .isEqualTo(2);
    }

    @Test
    void only_the_classify_route_has_the_0_1_s_grid_the_others_have_13_coarse_buckets() {
        metrics.recordHttp("POST", CLASSIFY, 200, Duration.ofMillis(9300));
        metrics.recordHttp("GET", "/health/live", 200, Duration.ofMillis(3));
        metrics.recordHttp("GET", "/api/v1/scan/{job_id}/events", 200, Duration.ofSeconds(45));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));
        assertThat(text.samples("http_request_duration_seconds_bucket", ROUTE)).hasSize(601);
        for (String path : List.of("/health/live", "/api/v1/scan/{job_id}/events", "unmatched")) {
            assertThat(text.samples("http_request_duration_seconds_bucket", Map.of("path", path)))
                    .extracting(s -> s.labels().get("le"))
                    .containsExactly(
                            "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "30.0",
                            "60.0", "+Inf");
        }
        assertThat(text.value("http_request_duration_seconds_bucket", Map.of("path", "/health/live", "le", "0.005")))
                .isEqualTo(1);
        assertThat(text.value(
                        "http_request_duration_seconds_bucket",
                        Map.of("path", "/api/v1/scan/{job_id}/events", "le", "30.0")))
                .isEqualTo(0);
        assertThat(text.value(
                        "http_request_duration_seconds_bucket",
                        Map.of("path", "/api/v1/scan/{job_id}/events", "le", "60.0")))
                .isEqualTo(1);
    }

    /** The counter's samples of the routes the test recorded, not the ones made at start-up. */
    private static List<Sample> requests(ScrapeText text) {
        return text.samples("http_requests_total").stream()
                .filter(s -> !s.labels().get("path").equals("unmatched"))
                .toList();
    }

    /** The scrape's lines but the JVM's, process's and system's, which change by themselves (a GC, a thread). */
    static long ownLines(Scrape scrape) {
        return scrape.body()
                .lines()
                .filter(line -> !line.matches("(# (HELP|TYPE) )?(jvm|process|system)_.*"))
                .count();
    }
}
