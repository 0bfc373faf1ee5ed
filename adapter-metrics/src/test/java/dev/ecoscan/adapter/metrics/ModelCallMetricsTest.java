package dev.ecoscan.adapter.metrics;

import static dev.ecoscan.adapter.metrics.ScanFixtures.modelCall;
import static dev.ecoscan.adapter.metrics.ScanFixtures.modelCallWithCache;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.port.MetricsScrape.Scrape;
import dev.ecoscan.domain.scan.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelCallMetricsTest {

    private static final String TOKENS = "gen_ai_client_token_usage";
    private static final String DURATION = "gen_ai_client_operation_duration_seconds";

    private final EcoScanMetrics metrics = EcoScanMetrics.create();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void token_usage_scrapes_under_the_open_telemetry_name_with_no_unit_suffix() {
        metrics.record(modelCall(Step.VISION, 1200, 80, Duration.ofMillis(3800), "ok"));

        Scrape scrape = metrics.scrape(null);
        ScrapeText text = ScrapeText.of(scrape);

        assertThat(text.samples(TOKENS + "_bucket")).isNotEmpty();
        assertThat(text.samples(TOKENS + "_count")).hasSize(2);
        assertThat(text.samples(TOKENS + "_sum")).hasSize(2);
        assertThat(scrape.body()).doesNotContain("gen_ai_client_token_usage_tokens", "gen_ai_client_token_usage_total");
        assertThat(text.samples(TOKENS + "_sum"))
                .allSatisfy(s -> assertThat(s.labels())
                        .containsOnlyKeys(
                                "gen_ai_operation_name",
                                "gen_ai_provider_name",
                                "gen_ai_request_model",
                                "endpoint",
                                "gen_ai_token_type",
                                "step"));
        Map<String, String> input = Map.of(
                "gen_ai_operation_name",
                "chat",
                "gen_ai_provider_name",
                "openai",
                "gen_ai_request_model",
                "gpt-4.1-mini",
                "endpoint",
                "primary",
                "gen_ai_token_type",
                "input",
                "step",
                "vision");
        assertThat(text.value(TOKENS + "_sum", input)).isEqualTo(1200);
        assertThat(text.value(TOKENS + "_sum", Map.of("gen_ai_token_type", "output")))
                .isEqualTo(80);
    }

    @Test
    void token_buckets_are_the_open_telemetry_powers_of_four() {
        metrics.record(modelCall(Step.ANSWER, 900, 350, Duration.ofSeconds(7), "ok"));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        assertThat(text.samples(TOKENS + "_bucket", Map.of("gen_ai_token_type", "output")))
                .extracting(s -> s.labels().get("le"))
                .containsExactly(
                        "1.0",
                        "4.0",
                        "16.0",
                        "64.0",
                        "256.0",
                        "1024.0",
                        "4096.0",
                        "16384.0",
                        "65536.0",
                        "262144.0",
                        "1048576.0",
                        "4194304.0",
                        "1.6777216E7",
                        "6.7108864E7",
                        "+Inf");
        assertThat(text.value(TOKENS + "_bucket", Map.of("gen_ai_token_type", "output", "le", "256.0")))
                .isZero();
        assertThat(text.value(TOKENS + "_bucket", Map.of("gen_ai_token_type", "output", "le", "1024.0")))
                .isEqualTo(1);
    }

    @Test
    void call_duration_is_a_histogram_in_seconds_by_outcome_on_the_open_telemetry_buckets() {
        metrics.record(modelCall(Step.ANSWER, 900, 350, Duration.ofMillis(7200), "ok"));
        metrics.record(modelCall(Step.ANSWER, 0, 0, Duration.ofMillis(150), "rate_limited"));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        assertThat(text.samples(DURATION + "_count"))
                .allSatisfy(s -> assertThat(s.labels())
                        .containsOnlyKeys(
                                "gen_ai_operation_name",
                                "gen_ai_provider_name",
                                "gen_ai_request_model",
                                "endpoint",
                                "step",
                                "outcome"));
        assertThat(text.value(DURATION + "_count", Map.of("outcome", "rate_limited", "step", "answer")))
                .isEqualTo(1);
        assertThat(text.value(DURATION + "_sum", Map.of("outcome", "ok"))).isEqualTo(7.2);
        List<String> bounds = text.samples(DURATION + "_bucket", Map.of("outcome", "ok")).stream()
                .map(s -> s.labels().get("le"))
                .toList();
        assertThat(bounds)
                .containsExactly(
                        "0.01", "0.02", "0.04", "0.08", "0.16", "0.32", "0.64", "1.28", "2.56", "5.12", "10.24",
                        "20.48", "40.96", "81.92", "+Inf");
        assertThat(text.value(DURATION + "_bucket", Map.of("outcome", "rate_limited", "le", "0.16")))
                .isEqualTo(1);
    }

    @Test
    void a_failed_call_that_billed_nothing_adds_no_token_observation() {
        metrics.record(modelCall(Step.VISION, 0, 0, Duration.ofSeconds(20), "timeout"));
        metrics.record(modelCall(Step.VISION, 0, 0, Duration.ofMillis(2), "ok"));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        assertThat(text.value(TOKENS + "_count", Map.of("gen_ai_token_type", "input")))
                .as("only the ok call")
                .isEqualTo(1);
        assertThat(text.value(DURATION + "_count", Map.of("outcome", "timeout")))
                .isEqualTo(1);
    }

    @Test
    void cached_input_tokens_are_counted_per_model_and_step() {
        metrics.record(modelCallWithCache(Step.VISION, 1500, 1024, 60));
        metrics.record(modelCallWithCache(Step.VISION, 1500, 1280, 70));
        metrics.record(modelCall(Step.ANSWER, 800, 300, Duration.ofSeconds(6), "ok"));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        assertThat(text.samples("gen_ai_client_cached_input_tokens_total"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.labels())
                            .isEqualTo(Map.of(
                                    "gen_ai_provider_name",
                                    "openai",
                                    "gen_ai_request_model",
                                    "gpt-4.1-mini",
                                    "endpoint",
                                    "primary",
                                    "step",
                                    "vision"));
                    assertThat(s.value()).isEqualTo(2304);
                });
    }

    @Test
    void uncached_input_is_the_rest_of_the_input_so_the_two_add_up_to_all_input() {
        metrics.record(modelCallWithCache(Step.VISION, 1500, 1024, 60));
        metrics.record(modelCall(Step.VISION, 900, 40, Duration.ofSeconds(3), "ok"));
        metrics.record(modelCall(Step.VISION, 0, 0, Duration.ofSeconds(20), "timeout"));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        Map<String, String> vision = Map.of("step", "vision");
        assertThat(text.value("gen_ai_client_uncached_input_tokens_total", vision))
                .as("476 of the cached call, all 900 of the call that reported no cache")
                .isEqualTo(1376);
        assertThat(text.value("gen_ai_client_cached_input_tokens_total", vision)
                        + text.value("gen_ai_client_uncached_input_tokens_total", vision))
                .isEqualTo(text.value(TOKENS + "_sum", Map.of("gen_ai_token_type", "input")));
    }

    @Test
    void every_model_call_series_names_the_provider_that_served_it() {
        metrics.record(ScanFixtures.modelCall("gpt-4.1-mini", "azure.ai.openai", Step.ANSWER, 800, 120));
        metrics.record(ScanFixtures.modelCall("llama-3.1-8b", "openai_compatible", Step.ANSWER, 700, 100));

        ScrapeText text = ScrapeText.of(metrics.scrape(null));

        for (String family :
                List.of(TOKENS + "_sum", DURATION + "_count", "gen_ai_client_uncached_input_tokens_total")) {
            assertThat(text.samples(family))
                    .as(family)
                    .extracting(s -> s.labels().get("gen_ai_provider_name"))
                    .containsOnly("azure.ai.openai", "openai_compatible")
                    .contains("azure.ai.openai", "openai_compatible");
        }
        assertThat(text.value(DURATION + "_count", Map.of("gen_ai_provider_name", "openai_compatible")))
                .isEqualTo(1);
    }
}
