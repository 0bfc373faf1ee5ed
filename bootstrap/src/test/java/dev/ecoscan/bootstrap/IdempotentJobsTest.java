package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.testservers.ResponseLeaks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same idempotency key twice is one scan: the simulator sees one pair of LLM calls, cache off. */
class IdempotentJobsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void the_same_idempotency_key_twice_makes_one_pair_of_llm_calls() throws Exception {
        TestServiceComponent engine = TestServiceComponent.create(Settings.from(Map.of(
                "ECO_SCAN_CONFIG",
                "/dev/null",
                "ECO_SCAN_SIMULATOR_SPEED",
                "0",
                "ECO_SCAN_CACHE",
                "off",
                // The pair is vision and answer: the answer step calls the model.
                "ECO_SCAN_ANSWER_STRATEGY",
                "llm",
                "ECO_SCAN_PORT",
                "0",
                "ECO_SCAN_DATA_DIR",
                dataDir.toString(),
                "ECO_SCAN_SAMPLES_DIR",
                System.getProperty("eco-scan.samples", "../samples"))));
        RunningService service = engine.service();
        HttpClient client = HttpClient.newHttpClient();
        try {
            String body = "{\"image_url\":\"" + service.baseUrl() + "/samples/milk-carton.png\"}";
            String first = submit(client, service, body);
            String second = submit(client, service, body);
            client.send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/scan/" + first + "/events"))
                            .header("Cookie", "s_access=" + service.devToken().orElseThrow())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());

            JsonNode stats = JSON.readTree(client.send(
                            HttpRequest.newBuilder(
                                            engine.llmEndpoint().baseUrl().resolve("/stats"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            assertThat(second).isEqualTo(first);
            assertThat(stats.at("/requests/vision").asLong()).isEqualTo(1);
            assertThat(stats.at("/requests/answer").asLong()).isEqualTo(1);
        } finally {
            service.server().close();
            engine.resources().close();
        }
    }

    private static String submit(HttpClient client, RunningService service, String body) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/scan"))
                        .header("Content-Type", "application/json")
                        .header("Cookie", "s_access=" + service.devToken().orElseThrow())
                        .header("X-Idempotency-Key", "same-photo")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                ResponseLeaks.checkedBodies());
        assertThat(response.statusCode()).isEqualTo(202);
        return JSON.readTree(response.body()).path("job_id").asText();
    }
}
