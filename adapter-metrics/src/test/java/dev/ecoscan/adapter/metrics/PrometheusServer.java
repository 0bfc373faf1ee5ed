package dev.ecoscan.adapter.metrics;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.testservers.LocalServers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server, Debian's {@code prometheus} package, run as a child process on a loopback
 * port with its data in a temporary folder, scraping one target every second.
 */
final class PrometheusServer implements AutoCloseable {

    /** Debian's path; {@code -Deco-scan.prometheus=...} points elsewhere (or nowhere, to try the skip). */
    static final Path BINARY = Path.of(System.getProperty("eco-scan.prometheus", "/usr/bin/prometheus"));

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Path folder;
    private final Process process;
    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    private PrometheusServer(Path folder, Process process, URI base) {
        this.folder = folder;
        this.process = process;
        this.base = base;
    }

    /**
     * Skips the calling test when Prometheus is not installed, except on CI, where a missing binary is
     * a broken CI image and must fail loudly rather than pass as "skipped".
     */
    static void requireInstalled() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        throw LocalServers.missing(BINARY.toString(), "prometheus");
    }

    /** Starts Prometheus scraping {@code target}'s {@code /metrics} every second, and waits until it is ready. */
    static PrometheusServer scraping(String target) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("eco-scan-prometheus");
        try {
            Path config = Files.writeString(folder.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: 1s
                      scrape_timeout: 1s
                      evaluation_interval: 1s
                    scrape_configs:
                      - job_name: scan-api
                        metrics_path: /metrics
                        static_configs:
                          - targets: ['%s']
                    """.formatted(target));
            int port = LocalServers.freeLoopbackPort();
            Process process = new ProcessBuilder(
                            BINARY.toString(),
                            "--config.file=" + config,
                            "--storage.tsdb.path=" + folder.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + port,
                            "--log.level=warn")
                    .redirectErrorStream(true)
                    // To a file, not a pipe: nobody reads the pipe, and a full one would stall Prometheus.
                    .redirectOutput(folder.resolve("prometheus.log").toFile())
                    .start();
            PrometheusServer server = new PrometheusServer(folder, process, URI.create("http://127.0.0.1:" + port));
            server.awaitReady();
            return server;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            LocalServers.deleteRecursively(folder);
            throw e;
        }
    }

    /** The JSON answer of an instant query ({@code /api/v1/query}) evaluated now. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** The scrape targets' health and last error, for failure messages. */
    String targets() {
        try {
            return get("/api/v1/targets").path("data").path("activeTargets").toString();
        } catch (IOException | InterruptedException e) {
            return "(targets unavailable: " + e + ")";
        }
    }

    /** Prometheus's own log, for failure messages. */
    String log() {
        try {
            return Files.readString(folder.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve(pathAndQuery))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String log = log();
                close();
                fail("prometheus exited with " + process.exitValue() + " before it was ready:\n" + log);
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(base.resolve("/-/ready"))
                                .timeout(Duration.ofSeconds(1))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Expected while Prometheus starts: try again shortly.
            }
            Thread.sleep(100);
        }
        String log = log();
        close();
        fail("prometheus was not ready within " + READY_TIMEOUT + ":\n" + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LocalServers.deleteRecursively(folder);
    }
}
