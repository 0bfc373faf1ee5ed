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
    void every_panel_reads_the_prometheus_chosen_at_import() throws Exception {
        JsonNode json = GrafanaDashboard.load().json();

        assertThat(json.path("schemaVersion").asInt()).isEqualTo(39);
        assertThat(json.path("templating").path("list").get(0).path("name").asText())
                .isEqualTo("DS_PROMETHEUS");
        assertThat(json.path("panels")).hasSize(10).allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${DS_PROMETHEUS}");
            assertThat(panel.path("targets"))
                    .allSatisfy(target -> assertThat(
                                    target.path("datasource").path("uid").asText())
                            .isEqualTo("${DS_PROMETHEUS}"));
        });
    }
}
