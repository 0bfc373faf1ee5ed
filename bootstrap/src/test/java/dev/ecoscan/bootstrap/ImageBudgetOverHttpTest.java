package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.bootstrap.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image budget in the service as it is wired: a budget with room for one scan's image (the
 * 899-byte milk carton, held with the vision request's copies of it) refuses a second concurrent scan
 * at once with 503 {@code overloaded}, and takes scans again once the first is done.
 */
class ImageBudgetOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IN_FLIGHT = Pattern.compile("(?m)^image_bytes_in_flight(?:\\{[^}]*})? (\\S+)$");

    @TempDir
    Path dataDir;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TestServiceComponent engine;
    private RunningService service;

    @BeforeEach
    void start() {
        Map<String, String> env = Map.of(
                "ECO_SCAN_CONFIG",
                "/dev/null",
                "ECO_SCAN_SIMULATOR_SPEED",
                "0.5",
                "ECO_SCAN_PORT",
                "0",
                "ECO_SCAN_DATA_DIR",
                dataDir.toString(),
                "ECO_SCAN_ANSWER_STRATEGY",
                "template",
                "ECO_SCAN_MAX_IMAGE_BYTES_IN_FLIGHT",
                "6300",
                "ECO_SCAN_SAMPLES_DIR",
                System.getProperty("eco-scan.samples", "../samples"));
        engine = TestServiceComponent.create(Settings.from(env));
        service = engine.service();
    }

    @AfterEach
    void stop() {
        service.server().close();
        engine.resources().close();
    }

    @Test
    void a_second_concurrent_scan_past_the_image_budget_is_refused_at_once_with_503_overloaded() throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> first = threads.submit(() -> classify("milk-carton.png"));
            awaitImageBytesInFlight();

            long start = System.nanoTime();
            HttpResponse<String> second = classify("milk-carton.png");
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).contains("1");
            assertThat(second.headers().firstValue("Content-Type")).contains("application/problem+json");
            JsonNode problem = JSON.readTree(second.body());
            assertThat(problem.path("code").asText()).isEqualTo("overloaded");
            assertThat(problem.path("detail").asText()).contains("memory");
            assertThat(tookMillis)
                    .as("refused at once, not queued behind the first scan's vision call")
                    .isLessThan(1000);
            assertThat(first.get().statusCode()).isEqualTo(200);
        }
        assertThat(imageBytesInFlight()).isZero();
        assertThat(classify("aluminum-can.png").statusCode())
                .as("the budget took scans again")
                .isEqualTo(200);
        assertThat(imageBytesInFlight()).isZero();
    }

    /** Until the first scan is in its vision call: its image held with the request's copies (899 + 4 × 1,200 bytes). */
    private void awaitImageBytesInFlight() throws Exception {
        for (int attempt = 0; attempt < 300 && imageBytesInFlight() < 5699; attempt++) {
            Thread.sleep(10);
        }
        assertThat(imageBytesInFlight()).isEqualTo(5699);
    }

    private double imageBytesInFlight() throws Exception {
        String metrics = client.send(
                        HttpRequest.newBuilder(URI.create(service.baseUrl() + "/metrics"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher matcher = IN_FLIGHT.matcher(metrics);
        assertThat(matcher.find()).as("image_bytes_in_flight is published").isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private HttpResponse<String> classify(String sample) throws Exception {
        String body = "{\"image_url\":\"" + service.baseUrl() + "/samples/" + sample + "\",\"user_input\":\"\"}";
        return client.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/scan/classify"))
                        .header("Content-Type", "application/json")
                        .header("Cookie", "s_access=" + service.devToken().orElseThrow())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
