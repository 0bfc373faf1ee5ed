package dev.ecoscan.adapter.metrics;

import static dev.ecoscan.adapter.metrics.ScanFixtures.modelCall;
import static dev.ecoscan.adapter.metrics.ScanFixtures.modelCallWithCache;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ecoscan.domain.scan.Step;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CostMetricsTest {

    private static final String COST = "eco_scan_cost_usd_total";
    private static final String UNPRICED = "eco_scan_cost_unpriced_calls_total";

    private final EcoScanMetrics metrics = EcoScanMetrics.create();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void each_call_adds_its_list_price_with_cached_input_at_the_cached_rate() {
        // gpt-4.1-mini in the bundled table: $0.40 input, $0.10 cached input, $1.60 output per 1M tokens.
        metrics.record(modelCallWithCache(Step.VISION, 1500, 1024, 60));
        metrics.record(modelCall(Step.VISION, 1200, 80, Duration.ofSeconds(3), "ok"));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        assertThat(text.samples(COST)).singleElement().satisfies(sample -> {
            assertThat(sample.labels())
                    .isEqualTo(Map.of("model", "gpt-4.1-mini", "provider", "openai", "step", "vision"));
            // (476 x 0.40 + 1024 x 0.10 + 60 x 1.60) + (1200 x 0.40 + 80 x 1.60), per million.
            assertThat(sample.value()).isCloseTo(0.0003888 + 0.000608, within(1e-12));
        });
        assertThat(text.samples(UNPRICED)).isEmpty();
    }

    @Test
    void a_model_the_table_does_not_know_adds_no_cost_and_is_counted_as_unpriced() {
        metrics.record(ScanFixtures.modelCall("llama-3.1-8b", "openai_compatible", Step.ANSWER, 700, 100));
        metrics.record(ScanFixtures.modelCall("llama-3.1-8b", "openai_compatible", Step.ANSWER, 650, 90));
        metrics.record(ScanFixtures.modelCall("gpt-4.1-mini-2025-04-14", "openai", Step.ANSWER, 1000, 0));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        assertThat(text.value(
                        UNPRICED, Map.of("model", "llama-3.1-8b", "provider", "openai_compatible", "step", "answer")))
                .isEqualTo(2);
        assertThat(text.samples(COST))
                .as("the dated name is priced as its family; the unknown model has no cost series")
                .singleElement()
                .satisfies(sample -> {
                    assertThat(sample.labels()).containsEntry("model", "gpt-4.1-mini-2025-04-14");
                    assertThat(sample.value()).isCloseTo(0.0004, within(1e-12));
                });
    }

    @Test
    void a_failed_call_that_billed_nothing_is_neither_cost_nor_unpriced() {
        metrics.record(modelCall(Step.VISION, 0, 0, Duration.ofSeconds(20), "timeout"));
        metrics.record(ScanFixtures.modelCall("llama-3.1-8b", "openai_compatible", Step.ANSWER, 0, 0));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        assertThat(text.samples(COST)).isEmpty();
        assertThat(text.samples(UNPRICED)).isEmpty();
    }
}
