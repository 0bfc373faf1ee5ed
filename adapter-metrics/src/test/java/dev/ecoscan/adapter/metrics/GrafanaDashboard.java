package dev.ecoscan.adapter.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** deploy/grafana/eco-scan-dashboard.json, read so tests can check its queries against real metrics. */
final class GrafanaDashboard {

    /** The estimated cost panel's query: model spend over finished scans. */
    static final String COST_PER_SCAN = "sum(rate(eco_scan_cost_usd_total[5m])) / sum(rate(scans_total[5m]))";
    /** Cached input over all input; {@code or vector(0)} so a provider that reports no cache reads 0, not "no data". */
    static final String CACHE_HIT_SHARE = "(sum(rate(gen_ai_client_cached_input_tokens_total[5m])) or vector(0))"
            + " / sum(rate(gen_ai_client_token_usage_sum{gen_ai_token_type=\"input\"}[5m]))";

    private final JsonNode json;

    private GrafanaDashboard(JsonNode json) {
        this.json = json;
    }

    /** The repository's dashboard; the build passes its path, the module's folder is the fallback base. */
    static GrafanaDashboard load() throws IOException {
        Path file = Path.of(System.getProperty("eco-scan.dashboard", "../deploy/grafana/eco-scan-dashboard.json"));
        return new GrafanaDashboard(new ObjectMapper().readTree(file.toFile()));
    }

    JsonNode json() {
        return json;
    }

    /** Every panel's query by panel title. */
    Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode panel : json.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.put(panel.path("title").asText(), target.path("expr").asText());
            }
        }
        return queries;
    }
}
