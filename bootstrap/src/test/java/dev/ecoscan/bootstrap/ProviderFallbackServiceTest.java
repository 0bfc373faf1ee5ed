package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.testservers.LocalServers;
import dev.ecoscan.testservers.ResponseLeaks;
import dev.ecoscan.testservers.UvicornOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service with its primary provider down from the start (a closed port) and a fallback on a
 * foreign stack (FastAPI on Debian's uvicorn): it starts, every scan is served by the fallback, and
 * the primary's open circuit shows in {@code /metrics}.
 */
class ProviderFallbackServiceTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream notices = new ByteArrayOutputStream();
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private UvicornOpenAiServer fallback;
    private TestServiceComponent engine;
    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        fallback = UvicornOpenAiServer.start();
        Map<String, String> env = new HashMap<>(Map.of(
                "ECO_SCAN_CONFIG",
                "/dev/null",
                "ECO_SCAN_PORT",
                "0",
                "ECO_SCAN_DATA_DIR",
                dataDir.toString(),
                "ECO_SCAN_MODE",
                "dev",
                "ECO_SCAN_CACHE",
                "off",
                "ECO_SCAN_SAMPLES_DIR",
                System.getProperty("eco-scan.samples", "../samples"),
                "OPENAI_BASE_URL",
                "http://127.0.0.1:" + LocalServers.freeLoopbackPort() + "/v1",
                "ECO_SCAN_FALLBACK_BASE_URL",
                fallback.baseUrl()));
        engine =
                TestServiceComponent.create(Settings.from(env), new PrintStream(notices, true, StandardCharsets.UTF_8));
        engine.wiring().announce();
        service = engine.service();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.server().close();
        }
        if (engine != null) {
            engine.resources().close();
        }
        if (fallback != null) {
            fallback.close();
        }
    }

    @Test
    void fifty_concurrent_scans_all_succeed_on_the_fallback_and_the_primarys_open_circuit_is_in_the_metrics()
            throws Exception {
        assertThat(notices.toString(StandardCharsets.UTF_8))
                .contains("LLM primary: openai-compatible at http://127.0.0.1:")
                .contains("LLM fallback: openai-compatible at " + fallback.baseUrl());

        List<CompletableFuture<HttpResponse<String>>> scans = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            scans.add(client.sendAsync(classify("milk-carton.png"), ResponseLeaks.checkedBodies()));
        }
        for (CompletableFuture<HttpResponse<String>> scan : scans) {
            HttpResponse<String> response = scan.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        assertThat(fallback.refusedCount()).isZero();
        String metrics = client.send(
                        HttpRequest.newBuilder(URI.create(service.baseUrl() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(metrics)
                .contains("resilience4j_circuitbreaker_state{name=\"llm-primary\",state=\"open\"} 1.0")
                .contains("resilience4j_circuitbreaker_state{name=\"llm-fallback\",state=\"closed\"} 1.0")
                .containsPattern(
                        "gen_ai_client_operation_duration_seconds_count\\{[^}]*endpoint=\"fallback\"[^}]*outcome=\"ok\"");
    }

    @Test
    void a_providers_401_and_400_bodies_never_reach_the_client() throws Exception {
        // Both endpoints answer with an error body of OpenAI's, the fallback too, so the scan fails.
        String unauthorized = "{\"status\":401,\"body\":{\"error\":{\"message\":\"Incorrect API key provided: "
                + "sk-abc****. You can find your API key at https://platform.openai.com/account/api-keys.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}}";
        String refused = "{\"status\":400,\"body\":{\"error\":{\"message\":\"Unsupported parameter: 'max_tokens' is "
                + "not supported with this model.\",\"type\":\"invalid_request_error\",\"param\":\"max_tokens\","
                + "\"code\":\"unsupported_parameter\"}}}";
        for (String reply : new String[] {unauthorized, refused}) {
            fallback.clearRequests();
            fallback.script("[" + reply + "]");

            HttpResponse<String> response =
                    client.send(classify("soju-bottle.png"), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body())
                    .contains("\"code\":\"model_unavailable\"")
                    .doesNotContain("Incorrect API key")
                    .doesNotContain("sk-abc")
                    .doesNotContain("Unsupported parameter")
                    .doesNotContain("invalid_request_error")
                    .doesNotContain(fallback.baseUrl());
            assertThat(fallback.requests())
                    .as("the scripted error was what the fallback answered")
                    .isNotEmpty();
        }
    }

    private HttpRequest classify(String sample) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/scan/classify"))
                .header("Content-Type", "application/json")
                .header("Cookie", "s_access=" + service.devToken().orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"image_url\":\"" + service.baseUrl() + "/samples/" + sample + "\",\"user_input\":\"\"}"))
                .build();
    }
}
