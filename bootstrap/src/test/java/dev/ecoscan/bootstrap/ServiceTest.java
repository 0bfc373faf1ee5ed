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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service as {@code ./eco-scan serve} starts it in dev mode: the banner's curl works, metrics fill. */
class ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "bootstrap-service-token";

    @TempDir
    Path dataDir;

    private final HttpClient client = HttpClient.newHttpClient();
    private TestServiceComponent engine;
    private RunningService service;

    @BeforeEach
    void start() {
        Map<String, String> env = new HashMap<>(Map.of(
                "ECO_SCAN_CONFIG",
                "/dev/null",
                "ECO_SCAN_SIMULATOR_SPEED",
                "0",
                "ECO_SCAN_PORT",
                "0",
                "ECO_SCAN_DATA_DIR",
                dataDir.toString(),
                "ECO_SCAN_SERVICE_TOKEN",
                TOKEN,
                "ECO_SCAN_SAMPLES_DIR",
                System.getProperty("eco-scan.samples", "../samples")));
        engine = TestServiceComponent.create(Settings.from(env));
        // The dev server serves ../samples when run from the repository root; tests run in bootstrap/.
        service = engine.service();
    }

    @AfterEach
    void stop() {
        service.server().close();
        engine.resources().close();
    }

    @Test
    void the_banner_offers_a_working_request_with_a_dev_token() throws Exception {
        assertThat(service.banner()).anyMatch(line -> line.contains("curl -s " + service.baseUrl()));
        assertThat(service.devToken()).isPresent();

        HttpResponse<String> categories = get("/api/v1/scan/categories");
        assertThat(categories.statusCode()).isEqualTo(200);
    }

    @Test
    void the_banner_curl_asks_no_question_so_the_default_strategy_makes_one_llm_call_vision() throws Exception {
        String curl = service.banner().stream()
                .filter(line -> line.contains("curl -s "))
                .findFirst()
                .orElseThrow();
        String body = curl.substring(curl.indexOf("-d '") + 4, curl.lastIndexOf('\''));

        HttpResponse<String> scanned = classify(body);

        assertThat(scanned.statusCode()).isEqualTo(200);
        JsonNode stats = JSON.readTree(
                get(engine.llmEndpoint().baseUrl().resolve("/stats")).body());
        assertThat(stats.at("/requests/vision").asLong()).isEqualTo(1);
        assertThat(stats.at("/requests/answer").asLong()).isZero();
        assertThat(stats.at("/requests/other").asLong()).isZero();
    }

    @Test
    void a_scan_over_http_fills_the_reference_metrics() throws Exception {
        HttpResponse<String> refused = classify("{\"image_url\":\"http://10.0.0.1/a.png\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("code").asText()).isEqualTo("image_url_not_allowed");

        HttpResponse<String> metrics = metricsIncluding("status_code=\"400\"");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains(
                        "http_requests_total{method=\"POST\",path=\"/api/v1/scan/classify\",service=\"scan-api\",status_code=\"400\"}",
                        "http_request_duration_seconds_bucket{method=\"POST\",path=\"/api/v1/scan/classify\",service=\"scan-api\"",
                        "scans_in_flight",
                        "jvm_memory_used_bytes");
    }

    @Test
    void hostile_image_urls_never_get_a_server_error() throws Exception {
        for (String url : List.of(
                "file:///etc/passwd",
                "http://169.254.169.254/latest/meta-data/",
                "https://10.0.0.1/a.png",
                "http://[::ffff:10.0.0.1]/a.png",
                "gopher://x/",
                "https://example.com/a.png",
                "http://localhost.:1/a.png",
                "http://127.0.0.1:1/nothing-listens.png")) {
            HttpResponse<String> response = classify("{\"image_url\":" + JSON.valueToTree(url) + "}");
            assertThat(response.statusCode()).as(url).isBetween(400, 499);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("code").asText()).as(url).isIn("image_url_not_allowed", "unreadable_image");
        }
    }

    /** The metrics once they mention {@code text}: a request is counted just after its response is sent. */
    private HttpResponse<String> metricsIncluding(String text) throws Exception {
        HttpResponse<String> metrics = get("/metrics");
        for (int attempt = 0; attempt < 100 && !metrics.body().contains(text); attempt++) {
            Thread.sleep(20);
            metrics = get("/metrics");
        }
        return metrics;
    }

    private HttpResponse<String> classify(String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/scan/classify"))
                        .header("Content-Type", "application/json")
                        .header("Cookie", "s_access=" + service.devToken().orElseThrow())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                ResponseLeaks.checkedBodies());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void one_eco_scan_grants_and_lists_characters_for_another_over_its_internal_routes() throws Exception {
        String user = java.util.UUID.randomUUID().toString();
        String request = "{\"user_id\":\"" + user + "\",\"classification\":{\"major_category\":\"재활용폐기물\","
                + "\"middle_category\":\"종이팩\",\"minor_category\":\"우유팩\"},\"disposal_rules_present\":true,"
                + "\"insufficiencies_present\":false}";

        HttpResponse<String> first = internal("/api/v1/internal/characters/rewards", request);
        HttpResponse<String> second = internal("/api/v1/internal/characters/rewards", request);
        HttpResponse<String> owned = client.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/internal/characters/users/" + user))
                        .header("Authorization", "Bearer " + TOKEN)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("received").asBoolean()).isTrue();
        assertThat(JSON.readTree(second.body()).path("already_owned").asBoolean())
                .isTrue();
        assertThat(JSON.readTree(owned.body())).hasSize(1);
        assertThat(JSON.readTree(owned.body()).get(0).path("character_type").asText())
                .isEqualTo("종이팩");
    }

    @Test
    void a_new_user_owns_no_characters_yet() throws Exception {
        HttpResponse<String> before = get("/api/v1/users/me/characters", true);
        assertThat(JSON.readTree(before.body())).isEmpty();
    }

    private HttpResponse<String> internal(String path, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                ResponseLeaks.checkedBodies());
    }

    private HttpResponse<String> get(String path, boolean asUser) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).GET();
        if (asUser) {
            request.header("Cookie", "s_access=" + service.devToken().orElseThrow());
        }
        // Prometheus text names exceptions in its help lines; every other body is checked.
        return client.send(
                request.build(),
                path.equals("/metrics") ? HttpResponse.BodyHandlers.ofString() : ResponseLeaks.checkedBodies());
    }

    @Test
    void reward_matching_shows_in_the_metrics_as_its_own_step() throws Exception {
        byte[] milk = java.nio.file.Files.readAllBytes(
                Path.of(System.getProperty("eco-scan.samples", "../samples")).resolve("milk-carton.png"));
        dev.ecoscan.domain.scan.ScanOutcome outcome = engine.scanWaste()
                .scan(new dev.ecoscan.domain.scan.ScanRequest(
                        dev.ecoscan.domain.scan.ScanId.random(),
                        new dev.ecoscan.domain.scan.ImageReference.Inline(milk, "image/png"),
                        java.util.Optional.empty(),
                        new dev.ecoscan.domain.scan.UserId(
                                java.util.UUID.randomUUID().toString()),
                        java.time.Instant.now().plusSeconds(30)));

        assertThat(outcome).isInstanceOf(dev.ecoscan.domain.scan.ScanOutcome.Completed.class);
        assertThat(get("/metrics", false).body())
                .contains("scan_pipeline_step_duration_seconds_count{step=\"reward_match\"} 1")
                .contains("scan_pipeline_step_duration_seconds_bucket{step=\"reward_match\",le=\"0.1\"} 1");
    }

    @Test
    void an_asynchronous_scan_with_a_question_streams_the_answer_text_before_done() throws Exception {
        String body =
                "{\"image_url\":\"" + service.baseUrl() + "/samples/milk-carton.png\",\"user_input\":\"뚜껑은 어떻게 버려요?\"}";
        HttpResponse<String> accepted = client.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/scan"))
                        .header("Content-Type", "application/json")
                        .header("Cookie", "s_access=" + service.devToken().orElseThrow())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                ResponseLeaks.checkedBodies());
        String id = JSON.readTree(accepted.body()).path("job_id").asText();

        List<String> lines =
                get("/api/v1/scan/" + id + "/events", true).body().lines().toList();

        List<String> names = lines.stream()
                .filter(l -> l.startsWith("event: "))
                .map(l -> l.substring("event: ".length()))
                .toList();
        assertThat(names).startsWith("vision", "rag", "answer").endsWith("reward_match", "done");
        assertThat(names.subList(3, names.size() - 2)).isNotEmpty().containsOnly("answer_delta");
        List<Long> ids = lines.stream()
                .filter(l -> l.startsWith("id: "))
                .map(l -> Long.parseLong(l.substring("id: ".length())))
                .toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("data: ") && line.contains("\"restart\"")) {
                JsonNode delta = JSON.readTree(line.substring("data: ".length()));
                if (delta.path("restart").asBoolean()) {
                    text.setLength(0);
                }
                text.append(delta.path("text").asText());
            }
        }
        String doneData = lines.stream()
                .filter(l -> l.startsWith("data: "))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(text).isNotEmpty();
        assertThat(JSON.readTree(doneData.substring("data: ".length()))
                        .path("result")
                        .toString())
                .as("the streamed text is the answer the done event carries")
                .contains(text.toString());
    }

    @Test
    void an_asynchronous_scan_streams_its_stages_and_answers_like_classify() throws Exception {
        String body = "{\"image_url\":\"" + service.baseUrl() + "/samples/milk-carton.png\",\"user_input\":\"\"}";
        HttpResponse<String> accepted = client.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/scan"))
                        .header("Content-Type", "application/json")
                        .header("Cookie", "s_access=" + service.devToken().orElseThrow())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                ResponseLeaks.checkedBodies());
        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).path("job_id").asText();

        HttpResponse<String> events = get("/api/v1/scan/" + id + "/events", true);
        HttpResponse<String> result = get("/api/v1/scan/" + id + "/result", true);
        HttpResponse<String> classify = client.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/scan/classify"))
                        .header("Content-Type", "application/json")
                        .header("Cookie", "s_access=" + service.devToken().orElseThrow())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                ResponseLeaks.checkedBodies());

        assertThat(events.body().lines().filter(l -> l.startsWith("event: ")))
                .containsExactly("event: vision", "event: rag", "event: answer", "event: reward_match", "event: done");
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(result.body()).path("pipeline_result"))
                .isEqualTo(JSON.readTree(classify.body()).path("pipeline_result"));
        assertThat(get("/metrics", false).body())
                .contains("scan_jobs_total{outcome=\"completed\"} 1.0", "scan_job_wait_seconds_count 1");
    }
}
