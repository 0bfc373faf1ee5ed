package dev.ecoscan.adapter.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** deploy/grafana/eco-scan-dashboard.json, read so tests can check its queries against real metrics. */
final class GrafanaDashboard {

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
