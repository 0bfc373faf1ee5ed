package dev.ecoscan.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/** A plain JDK HTTP client pointed at one simulator, speaking HTTP/1.1 as OpenAI clients do. */
final class SimulatorClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String root;

    SimulatorClient(LlmSimulator simulator) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.root = simulator.baseUrl().substring(0, simulator.baseUrl().length() - "/v1".length());
    }

    HttpResponse<String> chat(JsonNode body) {
        return send(request("/v1/chat/completions").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    HttpResponse<String> chat(JsonNode body, Duration timeout) throws IOException, InterruptedException {
        return http.send(
                request("/v1/chat/completions")
                        .timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    JsonNode stats() {
        return json(get("/stats"));
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** The assistant's content of a non-streamed completion, parsed as JSON. */
    static JsonNode content(HttpResponse<String> response) {
        return json(json(response).at("/choices/0/message/content").asText());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(root + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-simulator")
                .timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
