package dev.ecoscan.adapter.metrics;

import static dev.ecoscan.adapter.metrics.ScanFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.ecoscan.adapter.metrics.ScrapeText.Sample;
import dev.ecoscan.domain.port.MetricsScrape.Scrape;
import dev.ecoscan.domain.scan.ImageLoadEvent;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StepMetricsTest {

    private static final String BUCKET = "scan_pipeline_step_duration_seconds_bucket";
    private static final String COUNT = "scan_pipeline_step_duration_seconds_count";
    private static final String SUM = "scan_pipeline_step_duration_seconds_sum";

    private final EcoScanMetrics metrics = EcoScanMetrics.create();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void a_step_scrapes_under_the_reference_name_with_the_step_label_only() {
        metrics.record(step(Step.VISION, Duration.ofMillis(3500)));
        metrics.record(step(Step.VISION, Duration.ofMillis(200), StepStatus.TIMEOUT));

        Scrape scrape = metrics.scrape(null);
        ScrapeText text = ScrapeText.of(scrape);

        assertThat(scrape.body()).contains("scan_pipeline_step_duration_seconds_bucket{step=\"vision\",le=\"0.1\"} 0");
        assertThat(text.samples(BUCKET)).allSatisfy(s -> assertThat(s.labels()).containsOnlyKeys("step", "le"));
        assertThat(text.samples(COUNT))
                .singleElement()
                .satisfies(s -> assertThat(s.labels()).containsOnlyKeys("step"));
        assertThat(text.samples(SUM))
                .singleElement()
                .satisfies(s -> assertThat(s.labels()).containsOnlyKeys("step"));
    }

    @Test
    void every_step_has_600_buckets_from_a_tenth_of_a_second_to_a_minute_plus_infinity() {
        for (Step each : Step.values()) {
            metrics.record(step(each, Duration.ofMillis(40)));
        }

        Scrape scrape = metrics.scrape(null);
        ScrapeText text = ScrapeText.of(scrape);

        List<String> expectedBounds = IntStream.rangeClosed(1, 600)
                .mapToObj(tenths -> tenths / 10 + "." + tenths % 10)
                .collect(Collectors.toCollection(ArrayList::new));
        expectedBounds.add("+Inf");
        for (Step each : Step.values()) {
            List<String> bounds = text.samples(BUCKET, Map.of("step", each.label())).stream()
                    .map(s -> s.labels().get("le"))
                    .toList();
            assertThat(bounds).as(each.label()).hasSize(601).isEqualTo(expectedBounds);
        }
        assertThat(scrape.body())
                .contains("scan_pipeline_step_duration_seconds_bucket{step=\"reward_match\",le=\"60.0\"} 1");
    }

    @Test
    void counts_sums_and_cumulative_buckets_match_the_recorded_durations() {
        for (long millis : new long[] {250, 3500, 3500, 75_000}) {
            metrics.record(step(Step.ANSWER, Duration.ofMillis(millis)));
        }

        ScrapeText text = ScrapeText.of(metrics.scrape(null));
        Map<String, String> answer = Map.of("step", "answer");

        assertThat(text.value(COUNT, answer)).isEqualTo(4);
        assertThat(text.value(SUM, answer)).isCloseTo(82.25, within(1e-9));
        assertThat(bucket(text, "0.2")).isZero();
        assertThat(bucket(text, "0.3")).isEqualTo(1);
        assertThat(bucket(text, "3.4")).isEqualTo(1);
        assertThat(bucket(text, "3.5"))
                .as("a bound includes values equal to it")
                .isEqualTo(3);
        assertThat(bucket(text, "60.0")).as("75 s is past the last bound").isEqualTo(3);
        assertThat(bucket(text, "+Inf")).isEqualTo(4);
    }

    @Test
    void step_counts_are_split_by_how_the_step_ended() {
        metrics.record(step(Step.ANSWER, Duration.ofSeconds(7)));
        metrics.record(step(Step.ANSWER, Duration.ofSeconds(8)));
        metrics.record(step(Step.ANSWER, Duration.ofSeconds(30), StepStatus.TIMEOUT));
        metrics.record(step(Step.RAG, Duration.ZERO, StepStatus.REJECTED));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        assertThat(text.samples("scan_pipeline_steps_total"))
                .extracting(Sample::labels, Sample::value)
                .containsExactlyInAnyOrder(
                        tuple(Map.of("step", "answer", "status", "success"), 2.0),
                        tuple(Map.of("step", "answer", "status", "timeout"), 1.0),
                        tuple(Map.of("step", "rag", "status", "rejected"), 1.0));
        assertThat(text.value(COUNT, Map.of("step", "answer")))
                .as("failures are timed too")
                .isEqualTo(3);
    }

    @Test
    void image_loads_are_timed_under_a_name_of_their_own_and_never_as_a_step() {
        metrics.recordImageLoad(new ImageLoadEvent(ScanId.random(), Duration.ofMillis(1500), StepStatus.SUCCESS));
        metrics.recordImageLoad(new ImageLoadEvent(ScanId.random(), Duration.ofMillis(500), StepStatus.SUCCESS));
        metrics.recordImageLoad(new ImageLoadEvent(ScanId.random(), Duration.ofMillis(30), StepStatus.REJECTED));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        assertThat(text.value("scan_image_load_duration_seconds_count", Map.of("status", "success")))
                .isEqualTo(2);
        assertThat(text.value("scan_image_load_duration_seconds_sum", Map.of("status", "success")))
                .isCloseTo(2.0, within(1e-9));
        assertThat(text.value("scan_image_load_duration_seconds_count", Map.of("status", "rejected")))
                .isEqualTo(1);
        assertThat(text.samples(COUNT)).isEmpty();
        assertThat(text.samples("scan_pipeline_steps_total")).isEmpty();
    }

    private static double bucket(ScrapeText text, String le) {
        return text.value(BUCKET, Map.of("step", "answer", "le", le));
    }
}
