package dev.ecoscan.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class GrafanaDashboardTest {

    @Test
    void the_dashboard_holds_the_five_reference_queries_verbatim_and_the_extra_panels() throws Exception {
        GrafanaDashboard dashboard = GrafanaDashboard.load();

        assertThat(dashboard.queries().values())
                .containsAll(ReferenceQueries.ALL)
                .contains(
                        "sum(rate(http_requests_total{" + ReferenceQueries.ROUTE + "}[1m]))",
                        "sum by (gen_ai_token_type) (rate(gen_ai_client_token_usage_sum[5m])) / scalar(sum(rate(scans_total[5m])))",
                        "sum(scans_in_flight)",
                        GrafanaDashboard.COST_PER_SCAN,
                        GrafanaDashboard.CACHE_HIT_SHARE);
    }

    @Test
    void the_dashboard_shows_workers_llm_calls_breakers_and_cost_by_model() throws Exception {
        GrafanaDashboard dashboard = GrafanaDashboard.load();

        assertThat(dashboard.queries())
                .containsEntry("Jobs running (workers)", "sum(scan_jobs_running)")
                .containsEntry("Job queue depth", "max(scan_jobs_queue_depth)")
                .containsEntry(
                        "Job wait p99", "histogram_quantile(0.99, sum(rate(scan_job_wait_seconds_bucket[5m])) by (le))")
                .containsEntry(
                        "LLM calls per second",
                        "sum by (step, outcome) (rate(gen_ai_client_operation_duration_seconds_count[1m]))")
                .containsEntry(
                        "Circuit breakers open",
                        "max by (name) (resilience4j_circuitbreaker_state{state=~\"open|forced_open\"})")
                .containsEntry(
                        "Cost per hour by model (estimated)",
                        "sum by (model) (rate(eco_scan_cost_usd_total[5m])) * 3600");
    }

    @Test
    void every_panel_reads_the_prometheus_chosen_at_import() throws Exception {
        JsonNode json = GrafanaDashboard.load().json();

        assertThat(json.path("schemaVersion").asInt()).isEqualTo(39);
        assertThat(json.path("templating").path("list").get(0).path("name").asText())
                .isEqualTo("DS_PROMETHEUS");
        assertThat(json.path("panels")).hasSize(19).allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${DS_PROMETHEUS}");
            assertThat(panel.path("targets"))
                    .allSatisfy(target -> assertThat(
                                    target.path("datasource").path("uid").asText())
                            .isEqualTo("${DS_PROMETHEUS}"));
        });
    }
}
