package dev.ecoscan.adapter.metrics;

import static dev.ecoscan.adapter.metrics.ScanFixtures.alreadyOwned;
import static dev.ecoscan.adapter.metrics.ScanFixtures.completed;
import static dev.ecoscan.adapter.metrics.ScanFixtures.failed;
import static dev.ecoscan.adapter.metrics.ScanFixtures.granted;
import static dev.ecoscan.adapter.metrics.ScanFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ecoscan.adapter.metrics.ScrapeText.Sample;
import dev.ecoscan.domain.port.MetricsScrape.Scrape;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.Rejection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScanMetricsTest {

    private final EcoScanMetrics metrics = EcoScanMetrics.create();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void completed_scans_are_counted_with_their_reward_kind_as_the_reason() {
        metrics.recordScan(completed(granted()));
        metrics.recordScan(completed(granted()));
        metrics.recordScan(completed(alreadyOwned()));
        metrics.recordScan(completed(new RewardOutcome.NotEligible("label still on")));
        metrics.recordScan(completed(new RewardOutcome.Unavailable("character service timed out")));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        assertThat(text.samples("scans_total"))
                .extracting(Sample::labels, Sample::value)
                .containsExactlyInAnyOrder(
                        tuple(Map.of("outcome", "completed", "reason", "granted"), 2.0),
                        tuple(Map.of("outcome", "completed", "reason", "already_owned"), 1.0),
                        tuple(Map.of("outcome", "completed", "reason", "not_eligible"), 1.0),
                        tuple(Map.of("outcome", "completed", "reason", "unavailable"), 1.0));
        assertThat(text.samples("scan_rewards_total"))
                .extracting(Sample::labels, Sample::value)
                .containsExactlyInAnyOrder(
                        tuple(Map.of("reward", "granted"), 2.0),
                        tuple(Map.of("reward", "already_owned"), 1.0),
                        tuple(Map.of("reward", "not_eligible"), 1.0),
                        tuple(Map.of("reward", "unavailable"), 1.0));
    }

    @Test
    void rejected_and_failed_scans_are_counted_by_their_kind_and_earn_no_reward_count() {
        for (Rejection reason : Rejection.values()) {
            metrics.recordScan(rejected(reason));
        }
        for (FailureKind kind : FailureKind.values()) {
            metrics.recordScan(failed(kind));
        }

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        assertThat(text.samples("scans_total"))
                .extracting(s -> s.labels().get("outcome") + "/" + s.labels().get("reason"))
                .containsExactlyInAnyOrder(
                        "rejected/unreadable_image",
                        "rejected/unclassifiable",
                        "rejected/out_of_taxonomy",
                        "rejected/no_matching_rule",
                        "failed/deadline_exceeded",
                        "failed/upstream_unavailable",
                        "failed/upstream_timeout",
                        "failed/invalid_output",
                        "failed/internal_error",
                        "failed/overloaded",
                        "failed/shut_down");
        assertThat(text.samples("scan_rewards_total")).isEmpty();
    }

    @Test
    void the_in_flight_gauge_reads_its_supplier_at_every_scrape_and_a_second_supplier_replaces_the_first() {
        AtomicInteger inFlight = new AtomicInteger(3);
        metrics.gaugeScansInFlight(inFlight::get);

        assertThat(ScrapeText.of(metrics.scrape(null)).value("scans_in_flight", Map.of()))
                .isEqualTo(3);
        inFlight.set(17);
        assertThat(ScrapeText.of(metrics.scrape(null)).value("scans_in_flight", Map.of()))
                .isEqualTo(17);

        metrics.gaugeScansInFlight(() -> 42);
        assertThat(ScrapeText.of(metrics.scrape(null)).samples("scans_in_flight"))
                .singleElement()
                .extracting(Sample::value)
                .isEqualTo(42.0);
    }

    @Test
    void another_adapters_gauge_is_published_and_a_failing_supplier_scrapes_as_not_a_number() {
        metrics.gauge("scan.queue.depth", "Jobs waiting for a worker", () -> 12.0);
        metrics.gauge("scan.queue.oldest.age", "Seconds the oldest job has waited", () -> {
            throw new IllegalStateException("queue closed");
        });

        Scrape scrape = metrics.scrape(null);
        ScrapeText text = ScrapeText.of(scrape);

        assertThat(scrape.body()).contains("# HELP scan_queue_depth Jobs waiting for a worker");
        assertThat(text.value("scan_queue_depth", Map.of())).isEqualTo(12);
        assertThat(text.value("scan_queue_oldest_age", Map.of())).isNaN();
    }
}
