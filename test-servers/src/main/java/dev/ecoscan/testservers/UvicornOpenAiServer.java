package dev.ecoscan.testservers;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A foreign OpenAI-compatible server: {@code openai_rules_server.py} on Debian's uvicorn 0.17 and
 * FastAPI, run as a child process on a loopback port. It enforces what OpenAI documents (GPT-5 and
 * o-series parameter rules, strict structured outputs, JSON mode, API keys, the Azure path) and, being
 * a plain HTTP/1.1 server, refuses the h2c upgrade the JDK {@code HttpClient} offers by default, so an
 * adapter tested against it cannot pass only because the peer is eco-scan's own simulator.
 *
 * <p>Environment variables given to {@link #start(Map)} reach the server: {@code FAKE_OPENAI_KEY},
 * {@code FAKE_OPENAI_NO_STRICT=1}, {@code FAKE_OPENAI_LATENCY_MS}, {@code FAKE_OPENAI_DATA_DIR}
 * (found by the fixture when not given). Inherited {@code FAKE_OPENAI_*} variables are dropped, so a
 * developer's shell cannot change what a test sees.
 */
public final class UvicornOpenAiServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Path folder;
    private final Process process;
    private final int port;
    // HTTP/1.1 only: the JDK client's default offers h2c on http://, which uvicorn answers with 400.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ObjectMapper json = new ObjectMapper();

    private UvicornOpenAiServer(Path folder, Process process, int port) {
        this.folder = folder;
        this.process = process;
        this.port = port;
    }

    /** Starts the server with its defaults (any API key accepted, strict schemas honoured). */
    public static UvicornOpenAiServer start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /**
     * Starts the server with these extra environment variables and waits until it answers. Skips the
     * calling test (fails it with {@code CI=true}) when Debian's uvicorn, FastAPI or PyYAML is missing.
     */
    public static UvicornOpenAiServer start(Map<String, String> env) throws IOException, InterruptedException {
        DebianPython.requireInstalled();
        Path folder = Files.createTempDirectory("eco-scan-uvicorn");
        try {
            RulesServerFiles.copyScript(folder);
            int port = LocalServers.freeLoopbackPort();
            ProcessBuilder builder = DebianPython.uvicorn(folder, "openai_rules_server:app", port);
            Map<String, String> childEnv = builder.environment();
            childEnv.keySet().removeIf(name -> name.startsWith("FAKE_OPENAI_"));
            childEnv.putAll(env);
            if (!env.containsKey("FAKE_OPENAI_DATA_DIR")) {
                childEnv.put(
                        "FAKE_OPENAI_DATA_DIR",
                        RulesServerFiles.dataFolder(folder).toString());
            }
            UvicornOpenAiServer server = new UvicornOpenAiServer(folder, builder.start(), port);
            server.awaitReady();
            return server;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            LocalServers.deleteRecursively(folder);
            throw e;
        }
    }

    /** The OpenAI base URL clients take: {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return root() + "/v1";
    }

    /** The server's root, for the Azure path ({@code /openai/deployments/...}) and the control endpoints. */
    public String root() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Every API request the server has seen since the last {@link #clearRequests()}, refused ones too:
     * {@code method, path, query, headers} (lower-case names), {@code body} (parsed JSON or null) and
     * {@code body_length}. A request uvicorn refused before the app saw it (an h2c upgrade) is absent.
     */
    public List<JsonNode> requests() {
        List<JsonNode> requests = new ArrayList<>();
        control("GET", "/_requests", null).forEach(requests::add);
        return requests;
    }

    /** Forgets the recorded requests and zeroes {@link #stats()}. */
    public void clearRequests() {
        control("DELETE", "/_requests", null);
    }

    /**
     * Queues canned replies for the next chat requests, in order, ahead of every rule: a JSON array of
     * {@code {"status": 429, "body": {...}, "headers": {"Retry-After": "1"}}}.
     */
    public void script(String jsonArray) {
        control("POST", "/_script", jsonArray);
    }

    /** Drops the canned replies not yet used. */
    public void clearScript() {
        control("DELETE", "/_script", null);
    }

    /** {@code {"requests": n, "refused": n}}: refused counts the 4xx the server's rules answered. */
    public JsonNode stats() {
        return control("GET", "/_stats", null);
    }

    public long refusedCount() {
        return stats().path("refused").asLong();
    }

    /**
     * Writes {@code rawRequestText} exactly as given (UTF-8; the caller frames it: CRLFs, Content-Length)
     * on a plain socket and returns what comes back: status line, headers, a blank line and the body (a
     * chunked body de-chunked). Reads until Content-Length is satisfied, the last chunk has arrived or the
     * server closes, each read bounded by a socket timeout.
     */
    public String rawExchange(String rawRequestText) throws IOException {
        return rawExchange(rawRequestText.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #rawExchange(String)} for bytes the caller framed itself. */
    public String rawExchange(byte[] rawRequest) throws IOException {
        return RawHttpExchange.exchange(port, rawRequest, CALL_TIMEOUT);
    }

    /** The server's log (uvicorn's own lines, the script's warnings), for failure messages. */
    public String log() {
        try {
            return Files.readString(folder.resolve("uvicorn.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LocalServers.deleteRecursively(folder);
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String log = log();
                int exit = process.exitValue();
                close();
                fail("uvicorn exited with " + exit + " before it answered /_health:\n" + tail(log));
            }
            try {
                HttpResponse<Void> health = http.send(
                        HttpRequest.newBuilder(URI.create(root() + "/_health"))
                                .timeout(Duration.ofSeconds(1))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Expected while uvicorn imports FastAPI and binds: try again shortly.
            }
            Thread.sleep(50);
        }
        String log = log();
        close();
        fail("uvicorn did not answer /_health within " + READY_TIMEOUT + ":\n" + tail(log));
    }

    private JsonNode control(String method, String path, String body) {
        HttpRequest.BodyPublisher publisher =
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(root() + path))
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed; server log:\n" + tail(log()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        int from = Math.max(0, lines.length - 40);
        return String.join("\n", Arrays.copyOfRange(lines, from, lines.length));
    }
}
